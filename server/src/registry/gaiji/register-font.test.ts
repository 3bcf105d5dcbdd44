import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as fontkit from "fontkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertHouseholds, plainMember } from "../../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../../testing/test-app.ts";

let t: TestApp;
let dataDir: string;
let cookie: string;
let adminCookie: string;
const ipamj = "/usr/share/fonts/truetype/ipamj/ipamjm.ttf";

beforeAll(async () => {
  // Its own data folder: no gaiji font uploaded by an earlier run.
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-register-font-"));
  t = await createTestApp({ ICHIMADO_DATA_DIR: dataDir });
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H700",
      townCode: "T001",
      lot: "7-7",
      members: [
        plainMember("7000000001", "葛\u{E0102}城　一郎", "世帯主"),
        plainMember("7000000002", "𠮷田　花子", "妻"),
      ],
    },
  ]);
  cookie = await t.loginAt("fontclerk", "shimin", "residentClerk");
  adminCookie = await t.loginAt("fontadmin", "johoseisaku", "systemAdmin");
}, 120_000);
afterAll(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const glyphPath = (font: fontkit.Font, text: string) => font.layout(text).glyphs[0]?.path.toSVG();

describe("the screens' web font for the register's MJ characters", () => {
  it("is only for staff who are logged in", async () => {
    expect((await t.call("GET", "/api/v1/fonts/register.css")).statusCode).toBe(401);
    expect((await t.call("GET", "/api/v1/fonts/register.woff2")).statusCode).toBe(401);
  });

  it("names exactly the register's rare characters and IVS bases, and answers 304 when unchanged", async () => {
    const res = await t.call("GET", "/api/v1/fonts/register.css", { cookie });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("text/css");
    expect(res.body).toContain('font-family: "Ichimado Register"');
    expect(res.body).toMatch(/unicode-range: U\+845B, U\+20BB7, U\+E0102;/);
    // No city gaiji font uploaded: no face for the private-use codes.
    expect(res.body).not.toContain("U+E000-F8FF");
    const etag = String(res.headers.etag);
    const again = await t.app.inject({
      method: "GET",
      url: "/api/v1/fonts/register.css",
      headers: { cookie, "if-none-match": etag },
    });
    expect(again.statusCode).toBe(304);
  });

  it("draws 葛+E0102 and 𠮷 with IPAmj明朝's own glyphs, and holds nothing a PC font has", async () => {
    const res = await t.call("GET", "/api/v1/fonts/register.woff2", { cookie });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("font/woff2");
    const subset = fontkit.create(res.rawPayload) as fontkit.Font;
    const full = fontkit.create(await fs.readFile(ipamj)) as fontkit.Font;
    expect(glyphPath(subset, "葛\u{E0102}")).toBe(glyphPath(full, "葛\u{E0102}"));
    expect(glyphPath(subset, "葛\u{E0102}")).not.toBe(glyphPath(full, "葛"));
    expect(glyphPath(subset, "𠮷")).toBe(glyphPath(full, "𠮷"));
    expect(subset.hasGlyphForCodePoint(0x5c71)).toBe(false); // 山
    expect(subset.hasGlyphForCodePoint(0x57ce)).toBe(false); // 城, beside the sequence
  });

  it("names the city's gaiji font for the private-use codes as soon as one is uploaded", async () => {
    const upload = await t.app.inject({
      method: "POST",
      url: "/api/v1/gaiji/font",
      headers: {
        cookie: adminCookie,
        "x-requested-with": "ichimado",
        "content-type": "application/octet-stream",
      },
      payload: await fs.readFile("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const css = (await t.call("GET", "/api/v1/fonts/register.css", { cookie })).body;
    expect(css).toMatch(
      /src: url\("\/api\/v1\/gaiji\/font\?v=[\w-]+"\) format\("truetype"\); unicode-range: U\+E000-F8FF;/,
    );
  });
});
