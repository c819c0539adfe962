import { describe, expect, it } from "vitest";
import { factsOf, formatOf } from "../server/src/modules/image/image-format";
import { absoluteImageUrls, imageHashesIn, relativeImageUrls } from "../server/src/modules/image/image-urls";
import { gif, jpeg, png, webp } from "./helpers/images";

const A = "a".repeat(64);
const B = "b".repeat(64);

describe("image formats, judged by the bytes", () => {
  it("reads the type, width and height of PNG, JPEG and WebP from their headers", () => {
    expect(factsOf(png(5, 3))).toEqual({ contentType: "image/png", width: 5, height: 3 });
    expect(factsOf(jpeg(13, 9))).toEqual({ contentType: "image/jpeg", width: 13, height: 9 });
    expect(factsOf(webp(7, 5))).toEqual({ contentType: "image/webp", width: 7, height: 5 });
    expect(factsOf(png(1200, 630))).toEqual({ contentType: "image/png", width: 1200, height: 630 });
  });

  it("records a JPEG that its EXIF turns a quarter as a browser shows it, width and height swapped", () => {
    expect(factsOf(jpeg(13, 9, 6))).toEqual({ contentType: "image/jpeg", width: 9, height: 13 });
    expect(factsOf(jpeg(13, 9, 3))).toEqual({ contentType: "image/jpeg", width: 13, height: 9 });
  });

  it("takes nothing else: GIF, text, an empty file, and a header cut short", () => {
    expect(formatOf(gif())).toBeNull();
    expect(formatOf(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(formatOf(Buffer.alloc(0))).toBeNull();
    expect(formatOf(Buffer.from("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
    const cut = png(5, 3).subarray(0, 12);
    expect(formatOf(cut)).toBe("image/png");
    expect(factsOf(cut)).toBeNull();
  });
});

describe("image URLs in bodies", () => {
  const body = `<p>차트</p><img src="/images/${A}" alt="가" /><img src="/images/${B}" alt="나" /><img src="/images/${A}" alt="다" />`;

  it("finds each image a body shows once", () => {
    expect(imageHashesIn(body)).toEqual([A, B]);
    expect(imageHashesIn("<p>/images/ 만 있는 글</p>")).toEqual([]);
  });

  it("makes them absolute for clients and relative again when a client saves the body back", () => {
    const base = "https://research.example.com";
    const absolute = absoluteImageUrls(body, base);
    expect(absolute).toBe(body.replaceAll('src="/images/', `src="${base}/images/`));
    expect(relativeImageUrls(absolute, base)).toBe(body);
    // Single quotes, as some editors write them, come back too; another site's URL stays as it is.
    expect(relativeImageUrls(`<img src='${base}/images/${A}'>`, base)).toBe(`<img src='/images/${A}'>`);
    expect(relativeImageUrls(`<img src="https://elsewhere.example/images/${A}">`, base)).toBe(`<img src="https://elsewhere.example/images/${A}">`);
    // A body without images is returned as it is.
    const plain = "<p>그림 없음</p>";
    expect(absoluteImageUrls(plain, base)).toBe(plain);
  });
});
