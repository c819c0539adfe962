/**
 * How a body shows an image: `<img src="/images/<sha256>">`, relative, in the form the sanitizer
 * writes (double quotes, lower-case hex). The database's trigger that links live bodies to their
 * images (migration Images1765353600000) reads the same form.
 */
export const IMAGE_PATH = "/images/";

export const IMAGE_HASH = /^[0-9a-f]{64}$/;

const IMAGE_SRC = /src="\/images\/([0-9a-f]{64})"/g;

export const imagePath = (hash: string): string => `${IMAGE_PATH}${hash}`;

/** The hashes of the images a body shows, each once. */
export const imageHashesIn = (body: string): string[] =>
  body.includes(IMAGE_PATH) ? [...new Set(Array.from(body.matchAll(IMAGE_SRC), (m) => m[1]))] : [];

/**
 * Bodies are stored with relative image URLs, so that a new domain needs no rewrite; clients get
 * them absolute under `publicUrl`. The test for the path keeps a body without images at the cost
 * of one scan.
 */
export const absoluteImageUrls = (body: string, publicUrl: string): string =>
  body.includes(IMAGE_PATH) ? body.replaceAll(`src="${IMAGE_PATH}`, `src="${publicUrl}${IMAGE_PATH}`) : body;

/**
 * A body read from the API and saved back carries the absolute URLs the API gave: they become
 * relative again before sanitising, which keeps only this service's relative image URLs.
 */
export function relativeImageUrls(body: string, publicUrl: string): string {
  const absolute = `${publicUrl}${IMAGE_PATH}`;
  if (!body.includes(absolute)) return body;
  return body.replace(new RegExp(`(["'])${absolute.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "g"), `$1${IMAGE_PATH}`);
}
