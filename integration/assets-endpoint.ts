/// <reference path="./virtual.d.ts" />
import type { APIRoute, GetStaticPaths } from 'astro';
import options from 'virtual:astro-chatra-whatsapp/options';

/** Serves the cached loader and the texts files at `<base>/_acw/<file>`; static files after a build. */
export const prerender = true;

export const getStaticPaths = (() => Object.keys(options.files).map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = options.files[params.file!];
  return file ? new Response(file.body, { headers: { 'content-type': `${file.type}; charset=utf-8` } }) : new Response(null, { status: 404 });
};
