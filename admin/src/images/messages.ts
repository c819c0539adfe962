/** Strings of image uploads (admin/src/images/upload.ts); other refusals show their reason's text. */
const en = {
  images: {
    errors: {
      UNAUTHENTICATED: "Please sign in again to upload images.",
      FORBIDDEN: "Only editors can upload images.",
      PAYLOAD_TOO_LARGE: "The image is larger than 5 MB. Please make it smaller.",
      UNSUPPORTED_MEDIA_TYPE: "Only PNG, JPEG and WebP images can be used.",
      ALT: "Describe the image in 1 to 300 characters (alt text).",
      INTERNAL_SERVER_ERROR: "The upload failed. Please try again.",
    },
  },
};

const ko: typeof en = {
  images: {
    errors: {
      UNAUTHENTICATED: "이미지를 올리려면 다시 로그인해 주세요.",
      FORBIDDEN: "이미지는 편집자만 올릴 수 있습니다.",
      PAYLOAD_TOO_LARGE: "이미지가 5MB보다 큽니다. 크기를 줄여 주세요.",
      UNSUPPORTED_MEDIA_TYPE: "PNG, JPEG, WebP 이미지만 쓸 수 있습니다.",
      ALT: "이미지 설명(대체 텍스트)을 1~300자로 적어 주세요.",
      INTERNAL_SERVER_ERROR: "업로드하지 못했습니다. 다시 시도해 주세요.",
    },
  },
};

export const messages = { en, ko };
