/** Strings of the audit log (admins only). */
const en = {
  resources: {
    auditEvents: {
      name: "Audit event |||| Audit log",
      fields: {
        at: "Time (KST)",
        actorId: "Actor ID",
        actorEmail: "Actor",
        action: "Action",
        entityType: "Entity type",
        entityId: "Entity ID",
        before: "Before",
        after: "After",
        from: "From (KST)",
        to: "To (KST, inclusive)",
      },
      entityTypes: {
        Report: "Report",
        Firm: "Firm",
        Analyst: "Analyst",
        SectorTag: "Sector tag",
        DisclaimerTemplate: "Disclaimer template",
        User: "User",
        ApiKey: "API key",
      },
      system: "System",
      none: "(none)",
    },
  },
};

const ko: typeof en = {
  resources: {
    auditEvents: {
      name: "감사 로그",
      fields: {
        at: "일시 (KST)",
        actorId: "수행자 ID",
        actorEmail: "수행자",
        action: "작업",
        entityType: "대상 유형",
        entityId: "대상 ID",
        before: "변경 전",
        after: "변경 후",
        from: "시작일 (KST)",
        to: "종료일 (KST, 포함)",
      },
      entityTypes: {
        Report: "보고서",
        Firm: "증권사",
        Analyst: "애널리스트",
        SectorTag: "섹터 태그",
        DisclaimerTemplate: "고지문 템플릿",
        User: "사용자",
        ApiKey: "API 키",
      },
      system: "시스템",
      none: "(없음)",
    },
  },
};

export const messages = { en, ko };
