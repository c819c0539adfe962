/** Strings of the staff account screens (admins only). */
const en = {
  resources: {
    users: {
      name: "User |||| Users",
      notifications: { created: "User added", updated: "User saved" },
      fields: {
        email: "Email",
        name: "Name",
        role: "Role",
        password: "Password",
        disabled: "Disabled",
        disabledAt: "Disabled on",
        createdAt: "Created",
      },
      roles: {
        ADMIN: "Administrator",
        EDITOR: "Editor",
        REVIEWER: "Reviewer",
      },
      helpers: {
        password: "12 to 200 characters. Give it to the user over a safe channel.",
        disabled: "A disabled user cannot sign in, and their sessions end.",
      },
    },
  },
};

const ko: typeof en = {
  resources: {
    users: {
      name: "사용자 |||| 사용자",
      notifications: { created: "사용자를 추가했습니다", updated: "사용자 정보를 저장했습니다" },
      fields: {
        email: "이메일",
        name: "이름",
        role: "역할",
        password: "비밀번호",
        disabled: "비활성화",
        disabledAt: "비활성화 일시",
        createdAt: "등록일",
      },
      roles: {
        ADMIN: "관리자",
        EDITOR: "편집자",
        REVIEWER: "검토자",
      },
      helpers: {
        password: "12~200자. 안전한 경로로 사용자에게 전달하세요.",
        disabled: "비활성화된 사용자는 로그인할 수 없고, 기존 세션도 종료됩니다.",
      },
    },
  },
};

export const messages = { en, ko };
