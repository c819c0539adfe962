/** Strings of the analyst screens. */
const en = {
  resources: {
    analysts: {
      name: "Analyst |||| Analysts",
      notifications: { created: "Analyst added", updated: "Analyst saved" },
      fields: {
        firmId: "Firm",
        name: "Name",
        nameEn: "English name",
        title: "Title",
        email: "Email",
        slug: "Slug",
        createdAt: "Created",
      },
      helpers: {
        firm: "Fixed once created: the analyst's reports name this firm.",
        title: "Job title, e.g. Senior Analyst.",
        email: "Visible to staff only.",
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
    analysts: {
      name: "애널리스트 |||| 애널리스트",
      notifications: { created: "애널리스트를 추가했습니다", updated: "애널리스트 정보를 저장했습니다" },
      fields: {
        firmId: "증권사",
        name: "이름",
        nameEn: "영문 이름",
        title: "직함",
        email: "이메일",
        slug: "슬러그",
        createdAt: "등록일",
      },
      helpers: {
        firm: "등록 후에는 바꿀 수 없습니다. 애널리스트의 보고서에 이 증권사가 표시됩니다.",
        title: "직함입니다. 예: 수석연구원",
        email: "직원에게만 보입니다.",
        slug: "주소에 쓰입니다. 비워 두면 이름으로 만듭니다.",
      },
      validation: {
        slug: "소문자(한글 포함), 숫자, 하이픈(연속 불가)만 쓸 수 있습니다.",
      },
    },
  },
};

export const messages = { en, ko };
