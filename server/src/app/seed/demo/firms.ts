import type { DemoFirm } from "./types";

function disclaimer(firm: string): string {
  return [
    `본 보고서는 ${firm} 소속 애널리스트가 작성한 자료이며, 플랫폼의 파트너 리서치 운영 가이드라인에 따라 제공됩니다.`,
    "보고서에 담긴 의견과 전망은 작성자 개인의 견해로서 플랫폼의 의견과 다를 수 있습니다.",
    "본 자료는 투자 판단을 위한 참고용으로만 제공되며, 어떠한 경우에도 투자 결과에 대한 법적 책임의 근거로 사용될 수 없습니다.",
    "본 자료의 저작권은 작성 증권사에 있으며, 사전 동의 없이 복제하거나 재배포할 수 없습니다.",
  ].join(" ");
}

export const demoFirms: DemoFirm[] = [
  {
    slug: "hanbit-securities",
    name: "한빛투자증권",
    nameEn: "Hanbit Investment & Securities",
    website: "https://research.hanbit-sec.example",
    disclaimer: disclaimer("한빛투자증권"),
    analysts: [
      { slug: "kim-doyoon", name: "김도윤", nameEn: "Doyoon Kim", title: "수석연구원", email: "doyoon.kim@hanbit-sec.example" },
      { slug: "lee-seoyeon", name: "이서연", nameEn: "Seoyeon Lee", title: "연구원", email: "seoyeon.lee@hanbit-sec.example" },
    ],
  },
  {
    slug: "nuri-securities",
    name: "누리증권",
    nameEn: "Nuri Securities",
    website: "https://www.nuri-sec.example",
    disclaimer: disclaimer("누리증권"),
    analysts: [
      { slug: "park-jiho", name: "박지호", nameEn: "Jiho Park", title: "선임연구원", email: "jiho.park@nuri-sec.example" },
      { slug: "choi-haeun", name: "최하은", nameEn: "Haeun Choi", title: "연구원", email: "haeun.choi@nuri-sec.example" },
    ],
  },
  {
    slug: "seum-partners",
    name: "세움파트너스증권",
    nameEn: "Seum Partners Securities",
    website: "https://seum-partners.example",
    disclaimer: disclaimer("세움파트너스증권"),
    analysts: [
      { slug: "jung-minjae", name: "정민재", nameEn: "Minjae Jung", title: "리서치센터장", email: "minjae.jung@seum-partners.example" },
      { slug: "yoon-chaewon", name: "윤채원", nameEn: "Chaewon Yoon", title: "연구원", email: "chaewon.yoon@seum-partners.example" },
    ],
  },
];
