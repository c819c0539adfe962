import { imageSize } from "image-size";
import { AppError } from "../../kernel/errors";

/** Documented limits (README: "Images"); the database checks the size too. */
export const IMAGE_LIMITS = { maxBytes: 5 * 1024 * 1024, alt: 300 } as const;

/** The refusal of a file over the limit, whether the upload stream or the service finds it. */
export const imageTooLarge = (): AppError =>
  new AppError("PAYLOAD_TOO_LARGE", { reason: "IMAGE_TOO_LARGE", params: { maxBytes: IMAGE_LIMITS.maxBytes } }, `an image may have at most 5 MB (${IMAGE_LIMITS.maxBytes} bytes)`, { limit: IMAGE_LIMITS.maxBytes });

export type ImageContentType = "image/png" | "image/jpeg" | "image/webp";

interface Format {
  contentType: ImageContentType;
  /** image-size's name for it. */
  sizeType: string;
  matches(bytes: Uint8Array): boolean;
}

const startsWith = (bytes: Uint8Array, offset: number, expected: number[] | string): boolean => {
  const wanted = typeof expected === "string" ? [...expected].map((c) => c.charCodeAt(0)) : expected;
  return bytes.length >= offset + wanted.length && wanted.every((byte, i) => bytes[offset + i] === byte);
};

const FORMATS: Format[] = [
  { contentType: "image/png", sizeType: "png", matches: (b) => startsWith(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: "image/jpeg", sizeType: "jpg", matches: (b) => startsWith(b, 0, [0xff, 0xd8, 0xff]) },
  { contentType: "image/webp", sizeType: "webp", matches: (b) => startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP") },
];

export interface ImageFacts {
  contentType: ImageContentType;
  width: number;
  height: number;
}

/**
 * What the bytes are, by their magic numbers (a file's name and the type a client claims are
 * never asked): null for anything but PNG, JPEG and WebP.
 */
export const formatOf = (bytes: Uint8Array): ImageContentType | null => FORMATS.find((f) => f.matches(bytes))?.contentType ?? null;

/**
 * The type and the size a browser shows, read from the image's header; null when the header of
 * the type the magic numbers name cannot be read. A JPEG whose EXIF orientation turns it a quarter
 * (5–8) is shown with width and height swapped, and so it is recorded.
 */
export function factsOf(bytes: Uint8Array): ImageFacts | null {
  const format = FORMATS.find((f) => f.matches(bytes));
  if (!format) return null;
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return null;
  }
  if (size.type !== format.sizeType || !(size.width > 0) || !(size.height > 0)) return null;
  const turned = (size.orientation ?? 1) >= 5;
  return { contentType: format.contentType, width: turned ? size.height : size.width, height: turned ? size.width : size.height };
}
