/** Strings of the firm screens and their disclaimer template versions. */
const en = {
  resources: {
    firms: {
      name: "Firm |||| Firms",
      notifications: { created: "Firm added", updated: "Firm saved" },
      fields: {
        name: "Name",
        nameEn: "English name",
        slug: "Slug",
        isPartner: "Partner",
        website: "Website",
        createdAt: "Created",
      },
      helpers: {
        slug: "Used in addresses. Left empty, it is made from the name.",
        website: "An http:// or https:// address.",
      },
      validation: {
        website: "Enter an address starting with http:// or https://.",
        slug: "Use lower-case letters (Hangul too), digits and single hyphens.",
      },
      disclaimers: {
        title: "Disclaimer template versions",
        empty: "This firm has no disclaimer template yet.",
        fields: {
          version: "Version",
          effectiveFrom: "In effect from (KST)",
          body: "Text",
          checksum: "SHA-256 checksum",
        },
        new: "New disclaimer version",
        dialog_title: "New disclaimer version",
        immutable:
          "A version is never edited once created: to change the text, add a new version. From its effective time it becomes the firm's current disclaimer for new attachments.",
        compliance:
          "Published or scheduled reports that still carry an older version will then appear on the Compliance page until their disclaimer is attached again and approved.",
        body: "Disclaimer text",
        effective_from: "In effect from (KST, optional)",
        effective_from_help: "Leave empty to make it effective now.",
        create: "Create version",
        created: "The new disclaimer version was created.",
      },
    },
  },
};

const ko: typeof en = {
  resources: {
    firms: {
      name: "증권사 |||| 증권사",
      notifications: { created: "증권사를 추가했습니다", updated: "증권사 정보를 저장했습니다" },
      fields: {
        name: "이름",
        nameEn: "영문 이름",
        slug: "슬러그",
        isPartner: "파트너",
        website: "웹사이트",
        createdAt: "등록일",
      },
      helpers: {
        slug: "주소에 쓰입니다. 비워 두면 이름으로 만듭니다.",
        website: "http:// 또는 https:// 로 시작하는 주소입니다.",
      },
      validation: {
        website: "http:// 또는 https:// 로 시작하는 주소를 입력해 주세요.",
        slug: "소문자(한글 포함), 숫자, 하이픈(연속 불가)만 쓸 수 있습니다.",
      },
      disclaimers: {
        title: "고지문 템플릿 버전",
        empty: "이 증권사에는 아직 고지문 템플릿이 없습니다.",
        fields: {
          version: "버전",
          effectiveFrom: "적용 시작 (KST)",
          body: "본문",
          checksum: "SHA-256 체크섬",
        },
        new: "새 고지문 버전",
        dialog_title: "새 고지문 버전",
        immutable:
          "한 번 만든 버전은 수정하지 않습니다. 문구를 바꾸려면 새 버전을 추가하세요. 적용 시작 시각부터 새로 첨부하는 보고서에 쓰이는 이 증권사의 현재 고지문이 됩니다.",
        compliance:
          "이전 버전이 붙은 채 게시되었거나 예약된 보고서는 고지문을 다시 첨부해 승인받을 때까지 컴플라이언스 페이지에 표시됩니다.",
        body: "고지문 본문",
        effective_from: "적용 시작 (KST, 선택)",
        effective_from_help: "비워 두면 지금부터 적용됩니다.",
        create: "버전 만들기",
        created: "새 고지문 버전을 만들었습니다.",
      },
    },
  },
};

export const messages = { en, ko };
