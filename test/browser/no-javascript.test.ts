import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LINK } from './sites.ts';
import { closeAll, DOCS, facade, floating, useBrowser, visit } from './visit.ts';

useBrowser();

describe('without JavaScript', () => {
  test('the floating and inline buttons are there, right, and open WhatsApp in a new tab', async () => {
    const v = await visit('/idle/inline/', { context: { javaScriptEnabled: false } });
    expect(v.chatraRequests).toHaveLength(0);
    expect(await floating(v.page).isVisible()).toBe(true);
    expect(await floating(v.page).getAttribute('href')).toBe(LINK);
    const inline = v.page.locator('a.acw-inline');
    expect(await inline.isVisible()).toBe(true);
    expect(await inline.getAttribute('href')).toBe(LINK);
    expect(await facade(v.page).isVisible()).toBe(false);
    await v.page.screenshot({ path: join(DOCS, 'no-js.png') });
    await inline.click();
    await expect.poll(() => v.popups.length).toBe(1);
    await v.popups[0].waitForLoadState();
    expect(v.popups[0].url()).toBe(LINK);
    await closeAll(v);
  });
});
