import type { DemoSectorTag } from "./types";

export const demoSectorTags: DemoSectorTag[] = [
  { slug: "ai", name: "인공지능(AI)", nameEn: "Artificial intelligence" },
  { slug: "video", name: "영상·비디오", nameEn: "Video" },
  { slug: "semiconductors", name: "반도체", nameEn: "Semiconductors" },
  { slug: "batteries", name: "2차전지", nameEn: "Secondary batteries" },
  { slug: "bio-healthcare", name: "바이오·헬스케어", nameEn: "Bio & healthcare" },
  { slug: "fintech", name: "핀테크", nameEn: "Fintech" },
  { slug: "mobility", name: "모빌리티", nameEn: "Mobility" },
  { slug: "games-content", name: "게임·콘텐츠", nameEn: "Games & content" },
];
