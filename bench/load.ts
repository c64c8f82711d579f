/**
 * One run of load against an address, in a process of its own: the bench's process has built sites
 * and holds their garbage, and a client that stops to collect it mid-run slows the server it loads.
 * Usage: node bench/load.ts <url> <connections> <seconds>; prints `{ "rps": …, "p99": …, "total": … }`.
 */
import autocannon from 'autocannon';

const [url, connections, seconds] = process.argv.slice(2);
const result = await autocannon({ url, connections: Number(connections), duration: Number(seconds) });
console.log(JSON.stringify({ rps: result.requests.average, p99: result.latency.p99, total: result.requests.total }));
