import type { ClientErrorCode } from "../../../server/src/kernel/errors";

/** A text for every code the server can send (the server's one list types it), and the outdated-disclaimer refusal. */
type ErrorTexts = Record<ClientErrorCode | "DISCLAIMER_OUTDATED", string>;

/** Strings shared by every screen: menu, errors, statuses, time. */
const en = {
  app: { title: "Research Desk", language: "Language" },
  menu: { review: "Review queue", compliance: "Compliance" },
  auth: { sign_in_required: "Please sign in", session_ended: "Your session ended; please sign in again" },
  status: {
    DRAFT: "Draft",
    IN_REVIEW: "In review",
    APPROVED: "Approved",
    SCHEDULED: "Scheduled",
    PUBLISHED: "Published",
    RETRACTED: "Retracted",
  },
  errors: {
    UNAUTHENTICATED: "Please sign in again.",
    FORBIDDEN: "Your role does not allow this: %{message}",
    BAD_USER_INPUT: "Please check the input: %{message}",
    NOT_FOUND: "It no longer exists.",
    CONFLICT: "Someone saved a newer version meanwhile.",
    INVALID_TRANSITION: "Not possible in the current state: %{message}",
    DISCLAIMER_REQUIRED: "The partner disclaimer is missing or not approved: %{message}",
    DISCLAIMER_OUTDATED: "The firm's disclaimer changed: version %{attachedVersion} is attached, the current version is %{currentVersion} (%{message})",
    TOO_MANY_REQUESTS: "Too many attempts; try again in %{retryAfter} seconds.",
    PAYLOAD_TOO_LARGE: "The file is too large: %{message}",
    UNSUPPORTED_MEDIA_TYPE: "This kind of file cannot be used: %{message}",
    INTERNAL_SERVER_ERROR: "The server had a problem. Please try again.",
    BAD_REQUEST: "The request was refused: %{message}",
    GRAPHQL_VALIDATION_FAILED: "The request was refused: %{message}",
    GRAPHQL_PARSE_FAILED: "The request was refused: %{message}",
    PERSISTED_QUERY_NOT_FOUND: "The request was refused: %{message}",
    PERSISTED_QUERY_NOT_SUPPORTED: "The request was refused: %{message}",
    OPERATION_RESOLUTION_FAILURE: "The request was refused: %{message}",
  } satisfies ErrorTexts,
  time: { seoul: "KST (Asia/Seoul)" },
  list: { shown: "%{shown} of %{total}", load_more: "Load more" },
  reviewStatus: { PENDING: "awaiting review", APPROVED: "approved", REJECTED: "rejected" },
};

const ko: typeof en = {
  app: { title: "리서치 데스크", language: "언어" },
  menu: { review: "검토 대기열", compliance: "컴플라이언스" },
  auth: { sign_in_required: "로그인해 주세요", session_ended: "세션이 종료되었습니다. 다시 로그인해 주세요" },
  status: {
    DRAFT: "초안",
    IN_REVIEW: "검토 중",
    APPROVED: "승인됨",
    SCHEDULED: "예약됨",
    PUBLISHED: "게시됨",
    RETRACTED: "철회됨",
  },
  errors: {
    UNAUTHENTICATED: "다시 로그인해 주세요.",
    FORBIDDEN: "이 역할로는 할 수 없는 작업입니다: %{message}",
    BAD_USER_INPUT: "입력을 확인해 주세요: %{message}",
    NOT_FOUND: "더 이상 존재하지 않습니다.",
    CONFLICT: "그사이 다른 사람이 더 새로운 버전을 저장했습니다.",
    INVALID_TRANSITION: "현재 상태에서는 할 수 없습니다: %{message}",
    DISCLAIMER_REQUIRED: "파트너 고지문이 없거나 승인되지 않았습니다: %{message}",
    DISCLAIMER_OUTDATED: "증권사 고지문이 바뀌었습니다. 첨부된 것은 %{attachedVersion}판, 현재 판은 %{currentVersion}판입니다 (%{message})",
    TOO_MANY_REQUESTS: "시도가 너무 많습니다. %{retryAfter}초 뒤에 다시 시도해 주세요.",
    PAYLOAD_TOO_LARGE: "파일이 너무 큽니다: %{message}",
    UNSUPPORTED_MEDIA_TYPE: "쓸 수 없는 파일 형식입니다: %{message}",
    INTERNAL_SERVER_ERROR: "서버에 문제가 있습니다. 다시 시도해 주세요.",
    BAD_REQUEST: "요청이 거부되었습니다: %{message}",
    GRAPHQL_VALIDATION_FAILED: "요청이 거부되었습니다: %{message}",
    GRAPHQL_PARSE_FAILED: "요청이 거부되었습니다: %{message}",
    PERSISTED_QUERY_NOT_FOUND: "요청이 거부되었습니다: %{message}",
    PERSISTED_QUERY_NOT_SUPPORTED: "요청이 거부되었습니다: %{message}",
    OPERATION_RESOLUTION_FAILURE: "요청이 거부되었습니다: %{message}",
  },
  time: { seoul: "KST (서울)" },
  list: { shown: "전체 %{total}건 중 %{shown}건", load_more: "더 보기" },
  reviewStatus: { PENDING: "검토 대기", APPROVED: "승인됨", REJECTED: "반려됨" },
};

export const messages = { en, ko };
