/** Strings of the sector tag screens. */
const en = {
  resources: {
    sectorTags: {
      name: "Sector tag |||| Sector tags",
      notifications: { created: "Sector tag added", updated: "Sector tag saved" },
      fields: {
        name: "Name",
        nameEn: "English name",
        slug: "Slug",
        createdAt: "Created",
      },
      helpers: {
        name: "Shown as a hashtag, e.g. 인공지능(AI).",
        slug: "Used in addresses. Left empty, it is made from the name.",
      },
      validation: {
        slug: "Use lower-case letters (Hangul too), digits and single hyphens.",
      },
    },
  },
};

const ko: typeof en = {
  resources: {
    sectorTags: {
      name: "섹터 태그 |||| 섹터 태그",
      notifications: { created: "섹터 태그를 추가했습니다", updated: "섹터 태그를 저장했습니다" },
      fields: {
        name: "이름",
        nameEn: "영문 이름",
        slug: "슬러그",
        createdAt: "등록일",
      },
      helpers: {
        name: "해시태그로 표시됩니다. 예: 인공지능(AI)",
        slug: "주소에 쓰입니다. 비워 두면 이름으로 만듭니다.",
      },
      validation: {
        slug: "소문자(한글 포함), 숫자, 하이픈(연속 불가)만 쓸 수 있습니다.",
      },
    },
  },
};

export const messages = { en, ko };
