/**
 * Strings of the report body editor's toolbar. `ra.tiptap` holds the keys ra-input-rich-text's own
 * buttons (lists, quote, link, clear) translate, which react-admin's language packs do not have.
 */
const en = {
  ra: {
    tiptap: {
      select_level: "Paragraph or heading",
      paragraph: "Paragraph",
      heading2: "Heading 2",
      heading3: "Heading 3",
      heading4: "Heading 4",
      bold: "Bold",
      italic: "Italic",
      underline: "Underline",
      strike: "Strikethrough",
      list_bulleted: "Bulleted list",
      list_numbered: "Numbered list",
      link: "Add a link",
      blockquote: "Quotation",
      clear_format: "Clear formatting",
    },
  },
  body_editor: {
    subscript: "Subscript",
    superscript: "Superscript (footnote marker)",
    horizontal_rule: "Horizontal line",
    table: {
      menu: "Table",
      insert: "Insert a table (3 × 3, header row)",
      add_row_before: "Add a row above",
      add_row_after: "Add a row below",
      delete_row: "Delete the row",
      add_column_before: "Add a column to the left",
      add_column_after: "Add a column to the right",
      delete_column: "Delete the column",
      toggle_header_row: "Header row on or off",
      delete: "Delete the table",
    },
    image: {
      button: "Insert an image (chart or figure)",
      title: "Insert an image",
      choose_file: "Choose a file",
      file_help: "PNG, JPEG or WebP, at most 5 MB",
      alt: "Description (alt text)",
      alt_help: "What the image shows, for readers who cannot see it",
      insert: "Upload and insert",
    },
  },
};

const ko: typeof en = {
  ra: {
    tiptap: {
      select_level: "문단 또는 제목",
      paragraph: "본문",
      heading2: "제목 2",
      heading3: "제목 3",
      heading4: "제목 4",
      bold: "굵게",
      italic: "기울임",
      underline: "밑줄",
      strike: "취소선",
      list_bulleted: "글머리 기호 목록",
      list_numbered: "번호 목록",
      link: "링크 추가",
      blockquote: "인용",
      clear_format: "서식 지우기",
    },
  },
  body_editor: {
    subscript: "아래 첨자",
    superscript: "위 첨자 (각주 표시)",
    horizontal_rule: "구분선",
    table: {
      menu: "표",
      insert: "표 넣기 (3 × 3, 머리글 행)",
      add_row_before: "위에 행 추가",
      add_row_after: "아래에 행 추가",
      delete_row: "행 삭제",
      add_column_before: "왼쪽에 열 추가",
      add_column_after: "오른쪽에 열 추가",
      delete_column: "열 삭제",
      toggle_header_row: "머리글 행 켜기/끄기",
      delete: "표 삭제",
    },
    image: {
      button: "이미지 넣기 (차트, 그림)",
      title: "이미지 넣기",
      choose_file: "파일 선택",
      file_help: "PNG, JPEG, WebP, 5MB 이하",
      alt: "이미지 설명 (대체 텍스트)",
      alt_help: "이미지를 볼 수 없는 독자에게 보여 줄 설명",
      insert: "올리고 넣기",
    },
  },
};

export const messages = { en, ko };
