// Invented words and sentence patterns for the benchmark dataset (Korean first, as partner reports are, with
// English terms). Every firm, person and company the patterns produce is fictional.

export interface TagWords {
  slug: string;
  name: string;
  nameEn: string;
  /** Words the reports of this sector use; the first is the sector's own name in running text. */
  words: string[];
  /** English terms that appear next to them. */
  terms: string[];
}

export const SECTOR_TAGS: TagWords[] = [
  { slug: "ai", name: "인공지능(AI)", nameEn: "Artificial intelligence", words: ["인공지능", "생성형 모델", "추론 비용"], terms: ["GPT 4", "LLM", "ViT"] },
  { slug: "video", name: "영상·비디오", nameEn: "Video", words: ["영상", "동영상 편집", "숏폼"], terms: ["Sora", "4K", "OTT"] },
  { slug: "semiconductors", name: "반도체", nameEn: "Semiconductors", words: ["반도체", "파운드리", "웨이퍼"], terms: ["HBM", "EUV", "DRAM"] },
  { slug: "batteries", name: "2차전지", nameEn: "Secondary batteries", words: ["배터리", "양극재", "전해질"], terms: ["LFP", "NCM", "BMS"] },
  { slug: "bio", name: "바이오", nameEn: "Biotech", words: ["신약", "임상시험", "항체"], terms: ["FDA", "ADC", "CDMO"] },
  { slug: "healthcare", name: "헬스케어", nameEn: "Healthcare", words: ["의료기기", "원격진료", "디지털 헬스"], terms: ["EMR", "PHR", "CE"] },
  { slug: "fintech", name: "핀테크", nameEn: "Fintech", words: ["간편결제", "송금", "결제 인프라"], terms: ["API", "PG", "BNPL"] },
  { slug: "mobility", name: "모빌리티", nameEn: "Mobility", words: ["자율주행", "차량공유", "라이다"], terms: ["ADAS", "MaaS", "V2X"] },
  { slug: "games", name: "게임", nameEn: "Games", words: ["모바일 게임", "퍼블리싱", "게임 엔진"], terms: ["Unreal", "MMORPG", "DAU"] },
  { slug: "content", name: "콘텐츠", nameEn: "Content", words: ["드라마 제작", "판권", "콘텐츠 유통"], terms: ["IP", "OTT", "Netflix"] },
  { slug: "cloud", name: "클라우드", nameEn: "Cloud", words: ["클라우드", "데이터센터", "하이브리드 인프라"], terms: ["AWS", "SaaS", "Kubernetes"] },
  { slug: "security", name: "보안", nameEn: "Security", words: ["보안", "랜섬웨어", "접근 제어"], terms: ["Zero Trust", "SOC", "EDR"] },
  { slug: "robotics", name: "로봇", nameEn: "Robotics", words: ["로봇", "협동로봇", "감속기"], terms: ["ROS", "AMR", "SLAM"] },
  { slug: "space", name: "우주항공", nameEn: "Aerospace", words: ["위성", "발사체", "저궤도 통신"], terms: ["SAR", "LEO", "NewSpace"] },
  { slug: "renewables", name: "신재생에너지", nameEn: "Renewable energy", words: ["태양광", "해상풍력", "전력 중개"], terms: ["ESS", "PPA", "REC"] },
  { slug: "hydrogen", name: "수소", nameEn: "Hydrogen", words: ["수소", "연료전지", "수전해"], terms: ["PEM", "SOFC", "H2"] },
  { slug: "ev", name: "전기차", nameEn: "Electric vehicles", words: ["전기차", "충전 인프라", "구동모터"], terms: ["OTA", "EV", "800V"] },
  { slug: "commerce", name: "이커머스", nameEn: "E-commerce", words: ["커머스", "풀필먼트", "라이브커머스"], terms: ["GMV", "D2C", "CRM"] },
  { slug: "logistics", name: "물류", nameEn: "Logistics", words: ["물류", "라스트마일", "창고 자동화"], terms: ["WMS", "TMS", "3PL"] },
  { slug: "foodtech", name: "푸드테크", nameEn: "Food tech", words: ["배달", "밀키트", "대체육"], terms: ["D2C", "HMR", "B2B"] },
  { slug: "edtech", name: "에듀테크", nameEn: "Education technology", words: ["온라인 강의", "학습 데이터", "교육 플랫폼"], terms: ["LMS", "AI 튜터", "B2G"] },
  { slug: "proptech", name: "프롭테크", nameEn: "Property technology", words: ["부동산", "임대 관리", "공간 데이터"], terms: ["PMS", "BIM", "REITs"] },
  { slug: "beauty", name: "뷰티", nameEn: "Beauty", words: ["화장품", "스킨케어", "인디 브랜드"], terms: ["ODM", "K-beauty", "Amazon"] },
  { slug: "fashion", name: "패션", nameEn: "Fashion", words: ["패션", "의류 플랫폼", "리셀"], terms: ["SPA", "MD", "SKU"] },
  { slug: "travel", name: "여행", nameEn: "Travel", words: ["여행", "숙박 예약", "항공권"], terms: ["OTA", "MICE", "GDS"] },
  { slug: "media", name: "미디어", nameEn: "Media", words: ["미디어", "디지털 광고", "구독 서비스"], terms: ["MAU", "CPM", "ARPU"] },
  { slug: "music", name: "음악", nameEn: "Music", words: ["음원", "공연", "팬덤 플랫폼"], terms: ["K-pop", "Spotify", "MD"] },
  { slug: "webtoon", name: "웹툰", nameEn: "Webtoons", words: ["웹툰", "연재", "작가 발굴"], terms: ["IP", "OSMU", "MAU"] },
  { slug: "xr", name: "메타버스·XR", nameEn: "Metaverse & XR", words: ["가상공간", "아바타", "실감형 콘텐츠"], terms: ["XR", "VR", "Vision Pro"] },
  { slug: "blockchain", name: "블록체인", nameEn: "Blockchain", words: ["블록체인", "토큰 증권", "디지털 자산"], terms: ["STO", "DeFi", "NFT"] },
  { slug: "insurtech", name: "인슈어테크", nameEn: "Insurtech", words: ["보험", "언더라이팅", "손해율"], terms: ["GA", "IFRS17", "MGA"] },
  { slug: "agritech", name: "애그테크", nameEn: "Agritech", words: ["스마트팜", "수직농장", "종자"], terms: ["IoT", "LED", "CEA"] },
  { slug: "materials", name: "첨단소재", nameEn: "Advanced materials", words: ["소재", "탄소섬유", "복합재"], terms: ["CNT", "PI", "R&D"] },
  { slug: "display", name: "디스플레이", nameEn: "Display", words: ["디스플레이", "패널", "유기발광"], terms: ["OLED", "Micro LED", "LTPO"] },
  { slug: "telecom", name: "통신", nameEn: "Telecom", words: ["통신", "기지국", "네트워크 장비"], terms: ["5G", "Open RAN", "6G"] },
  { slug: "iot", name: "사물인터넷(IoT)", nameEn: "Internet of things", words: ["센서", "스마트홈", "엣지 디바이스"], terms: ["IoT", "Matter", "MCU"] },
  { slug: "data", name: "데이터", nameEn: "Data", words: ["데이터 분석", "데이터 레이크", "시각화"], terms: ["BI", "ETL", "Snowflake"] },
  { slug: "enterprise-software", name: "기업용 소프트웨어", nameEn: "Enterprise software", words: ["소프트웨어", "업무 자동화", "구독 매출"], terms: ["ERP", "SaaS", "RPA"] },
  { slug: "hr-tech", name: "HR테크", nameEn: "HR tech", words: ["채용", "인사관리", "급여 정산"], terms: ["ATS", "HRIS", "SaaS"] },
  { slug: "legaltech", name: "리걸테크", nameEn: "Legal tech", words: ["법률 서비스", "전자계약", "규제 대응"], terms: ["e-Sign", "RegTech", "AI"] },
  { slug: "pets", name: "반려동물", nameEn: "Pets", words: ["반려동물", "펫푸드", "동물병원"], terms: ["D2C", "O2O", "PB"] },
  { slug: "senior-care", name: "시니어케어", nameEn: "Senior care", words: ["요양", "돌봄 서비스", "방문간호"], terms: ["LTC", "IoT", "B2G"] },
  { slug: "sports", name: "스포츠", nameEn: "Sports", words: ["스포츠", "중계권", "피트니스"], terms: ["OTT", "Wearable", "D2C"] },
  { slug: "esports", name: "e스포츠", nameEn: "Esports", words: ["e스포츠", "프로 리그", "게임 중계"], terms: ["LCK", "Twitch", "MAU"] },
  { slug: "shipbuilding", name: "조선", nameEn: "Shipbuilding", words: ["조선", "친환경 선박", "수주 잔고"], terms: ["LNG", "VLCC", "IMO"] },
  { slug: "defense", name: "방산", nameEn: "Defense", words: ["방산", "무인기", "레이더"], terms: ["K9", "UAV", "NATO"] },
  { slug: "construction", name: "건설", nameEn: "Construction", words: ["건설", "모듈러 주택", "스마트 건설"], terms: ["BIM", "OSC", "PF"] },
  { slug: "chemicals", name: "화학", nameEn: "Chemicals", words: ["화학", "정밀화학", "스페셜티 소재"], terms: ["ESG", "PX", "CAPEX"] },
  { slug: "steel", name: "철강", nameEn: "Steel", words: ["철강", "전기로", "스크랩"], terms: ["CBAM", "EAF", "HBI"] },
  { slug: "banking", name: "금융", nameEn: "Banking", words: ["은행", "대출", "예대마진"], terms: ["NIM", "BIS", "CET1"] },
  { slug: "brokerage", name: "증권", nameEn: "Brokerage", words: ["증권", "주식 거래대금", "브로커리지"], terms: ["IB", "MTS", "WM"] },
  { slug: "consumer", name: "소비재", nameEn: "Consumer goods", words: ["소비재", "편의점", "유통 채널"], terms: ["PB", "SKU", "POS"] },
  { slug: "restaurants", name: "외식", nameEn: "Restaurants", words: ["외식", "프랜차이즈", "가맹점"], terms: ["QSR", "POS", "O2O"] },
  { slug: "medical-ai", name: "의료AI", nameEn: "Medical AI", words: ["의료 영상", "판독 보조", "진단"], terms: ["CT", "MRI", "FDA"] },
  { slug: "genomics", name: "유전체", nameEn: "Genomics", words: ["유전체", "시퀀싱", "정밀의료"], terms: ["NGS", "CRISPR", "WGS"] },
  { slug: "carbon", name: "탄소중립", nameEn: "Carbon neutrality", words: ["탄소", "배출권", "탄소포집"], terms: ["CCUS", "ESG", "Scope 3"] },
  { slug: "quantum", name: "양자기술", nameEn: "Quantum technology", words: ["양자컴퓨터", "큐비트", "양자암호"], terms: ["QKD", "PQC", "IBM"] },
  { slug: "drones", name: "드론·UAM", nameEn: "Drones & UAM", words: ["드론", "도심항공", "배송 드론"], terms: ["UAM", "eVTOL", "BVLOS"] },
  { slug: "private-markets", name: "비상장", nameEn: "Private markets", words: ["비상장 주식", "장외거래", "구주 매각"], terms: ["Pre-IPO", "VC", "PE"] },
  { slug: "ipo", name: "IPO", nameEn: "IPO", words: ["상장", "공모가", "수요예측"], terms: ["IPO", "SPAC", "KOSDAQ"] },
];

/** Firm names: a stem and a kind, each with its romanisation for slugs. */
export const FIRM_STEMS: [string, string][] = [
  ["한빛", "hanbit"], ["누리", "nuri"], ["세움", "seum"], ["다올", "daol"], ["새론", "saeron"],
  ["으뜸", "eutteum"], ["바른", "bareun"], ["대양", "daeyang"], ["태평", "taepyeong"], ["동서", "dongseo"],
  ["한결", "hangyeol"], ["가온", "gaon"], ["온누리", "onnuri"], ["두리", "duri"], ["새한", "saehan"],
  ["아름", "areum"], ["푸른", "pureun"], ["해오름", "haeoreum"], ["청람", "cheongram"], ["미르", "mir"],
];
export const FIRM_KINDS: [string, string, string][] = [
  ["투자증권", "investment", "Investment & Securities"], ["증권", "securities", "Securities"],
  ["파트너스증권", "partners", "Partners Securities"], ["금융투자", "financial", "Financial Investment"],
  ["리서치", "research", "Research"], ["인베스트먼트", "invest", "Investment"],
  ["캐피탈증권", "capital", "Capital Securities"], ["에쿼티리서치", "equity", "Equity Research"],
  ["자산운용", "asset", "Asset Management"], ["글로벌증권", "global", "Global Securities"],
];

export const SURNAMES: [string, string][] = [
  ["김", "Kim"], ["이", "Lee"], ["박", "Park"], ["최", "Choi"], ["정", "Jung"], ["강", "Kang"], ["조", "Cho"],
  ["윤", "Yoon"], ["장", "Jang"], ["임", "Lim"], ["한", "Han"], ["오", "Oh"], ["서", "Seo"], ["신", "Shin"],
  ["권", "Kwon"], ["황", "Hwang"], ["안", "Ahn"], ["송", "Song"], ["류", "Ryu"], ["홍", "Hong"],
];
export const GIVEN_NAMES: [string, string][] = [
  ["도윤", "Doyoon"], ["서연", "Seoyeon"], ["지호", "Jiho"], ["하은", "Haeun"], ["민재", "Minjae"], ["채원", "Chaewon"],
  ["준서", "Junseo"], ["지우", "Jiwoo"], ["현우", "Hyunwoo"], ["수아", "Sua"], ["예준", "Yejun"], ["다인", "Dain"],
  ["시우", "Siwoo"], ["유나", "Yuna"], ["건우", "Geonwoo"], ["소율", "Soyul"], ["태윤", "Taeyoon"], ["하린", "Harin"],
  ["우진", "Woojin"], ["지안", "Jian"], ["은호", "Eunho"], ["서윤", "Seoyoon"], ["재원", "Jaewon"], ["나은", "Naeun"],
];
export const ANALYST_TITLES = ["연구원", "선임연구원", "책임연구원", "수석연구원", "리서치센터장"];

/** Covered companies: a stem and a kind of business. */
export const COMPANY_STEMS = [
  "루미나", "클립", "세이지", "누리", "한결", "다온", "별빛", "미르", "아라", "하늘",
  "온새", "가람", "새봄", "라온", "도담", "해솔", "나래", "이음", "바로", "윤슬",
];
export const COMPANY_KINDS = [
  "모션", "포지", "랩스", "테크", "바이오", "소프트", "로보틱스", "에너지", "헬스", "페이",
  "모빌리티", "AI", "스튜디오", "머티리얼즈", "네트웍스", "파마", "시스템즈", "게임즈", "클라우드", "스페이스",
];

// Placeholders: {company} the covered company, {w} and {w2} words of the report's sector, {t} an
// English term, {n} a number, {p} a percentage, {y} a year.
export const HEADLINES = [
  "{w}, 다음 승부처는 {w2}",
  "{t} 도입으로 {w} 시장을 넓힌다",
  "{w} 수요 회복의 가장 직접적인 수혜",
  "{w2}에서 찾은 두 번째 성장 축",
  "흑자 전환을 앞둔 {w} 플랫폼",
  "{y}년, {w} 매출이 본격화되는 해",
  "{t} 경쟁 속에서 지키는 {w}의 해자",
  "해외 진출로 재평가가 필요한 {w} 기업",
  "{w} 밸류체인의 숨은 강자",
  "{w2} 규제 완화가 열어 줄 기회",
  "{t} 기반 {w} 서비스, 유료 전환이 관건",
  "장외 기업가치 재점검: {w}와 {w2}",
];

export const HEADINGS = [
  "비즈니스 모델", "시장과 경쟁 구도", "누가, 어떻게 쓰고 있나요?", "실적 전망", "밸류에이션",
  "리스크 요인", "기술 경쟁력", "고객과 매출 구조", "해외 진출 전략", "투자 포인트",
  "수익성 개선 경로", "자금 조달과 현금 흐름", "경영진과 조직", "규제 환경", "앞으로 지켜볼 지표",
];

export const LEAD_SENTENCES = [
  "{company}은(는) {w} 분야에서 {t} 기술을 앞세워 빠르게 성장하고 있는 비상장 기업입니다.",
  "최근 비상장 주식 플랫폼에서 {company}에 대한 거래 문의가 크게 늘고 있습니다.",
  "{company}은(는) {y}년 창업 이후 {w2} 시장에서 의미 있는 고객 기반을 만들었습니다.",
  "저희는 {company}의 다음 승부처가 {w} 자체보다 {w2}에 있다고 봅니다.",
];

export const SENTENCES = [
  "{w} 시장은 {y}년까지 연평균 {p}% 성장할 것으로 추정됩니다.",
  "회사는 {t}을(를) 활용해 {w2} 비용을 경쟁사 대비 {p}% 낮췄다고 밝히고 있습니다.",
  "현재 매출의 약 {p}%가 {w} 관련 제품에서 발생합니다.",
  "{y}년 매출은 {n}억원, 영업이익률은 {p}% 수준으로 전망합니다.",
  "해외 고객 비중은 아직 {p}%에 불과하지만 수출 계약이 늘고 있습니다.",
  "저희가 인터뷰한 고객사 실무자들은 {w2} 도입 이후 업무 시간이 크게 줄었다고 답했습니다.",
  "가장 큰 위험은 글로벌 경쟁사의 {t} 가격 인하입니다.",
  "비상장 주식 특성상 거래량이 적고 호가 차이가 커서 체결 가격이 기준가와 {p}% 이상 벌어질 수 있습니다.",
  "{company}의 {w} 매출은 지난 분기 전년 대비 {p}% 늘었습니다.",
  "보안 인증과 데이터 관리 체계를 갖춘 점도 기업 고객을 확보하는 데 도움이 되었습니다.",
  "경쟁 구도는 {t} 기반 해외 기업과 국내 중견 기업이 맞서는 형태입니다.",
  "최근 장외 거래가 기준 기업가치는 약 {n}억원으로 추정됩니다.",
  "회사는 {y}년 상반기 {w2} 신제품을 출시할 계획입니다.",
  "{w} 수요가 회복되면 가동률은 {p}% 수준까지 올라갈 수 있습니다.",
  "연구 인력은 전체 임직원의 {p}%를 차지하며 핵심 인력의 이탈 가능성은 점검이 필요합니다.",
  "현금성 자산은 약 {n}억원으로 추가 조달 없이 2년 가까이 운영할 수 있는 수준입니다.",
  "{t} 표준이 확산되면서 {w2} 분야의 진입 장벽이 낮아지고 있습니다.",
  "주요 고객 상위 다섯 곳의 매출 비중이 {p}%로 높아 집중도 리스크가 있습니다.",
  "정부의 {w} 지원 정책은 단기 수주에 긍정적입니다.",
  "로봇과 자동화 설비 투자가 늘면서 생산 효율도 개선되고 있습니다.",
  "신약 개발 기업과의 협업은 아직 초기 단계이지만 기술 검증의 의미가 있습니다.",
  "결제 데이터와 고객 이용 패턴을 결합한 부가 서비스가 새로운 매출원이 될 수 있습니다.",
  "위성 통신과 연계한 서비스는 장기적인 선택지로 남아 있습니다.",
  "영상 콘텐츠를 활용한 마케팅 효율이 높아지면서 광고 단가도 개선되었습니다.",
  "{company}은(는) {t} 파트너십을 통해 {w2} 시장 진입 속도를 높이고 있습니다.",
  "저희는 분기마다 {w} 지표를 추적하며 투자 의견을 업데이트할 계획입니다.",
  "매출총이익률은 {y}년 {p}%까지 개선될 것으로 봅니다.",
  "구독 매출의 12개월 유지율은 {p}% 수준으로 업계 평균을 웃돕니다.",
];

export const BULLETS = [
  "{w} 분야에서 {t} 기술을 상용화한 기업으로, {w2}이(가) 새로운 성장 축입니다.",
  "{y}년 매출 {n}억원, 영업이익률 {p}%를 전망합니다.",
  "장외 기업가치 {n}억원은 해외 동종 대비 과도하지 않다고 판단합니다.",
  "{t} 가격 경쟁과 핵심 인력 이탈이 주요 리스크입니다.",
  "해외 매출 비중 확대가 밸류에이션 재평가의 분기점이 될 것입니다.",
  "고객 유지율이 {p}%로 높아 구독 매출의 안정성이 돋보입니다.",
  "{w} 수요 회복 시 가장 먼저 실적이 개선될 기업입니다.",
];

/** The partner disclaimer of a firm; a later version adds one sentence, as firms revise them. */
export function disclaimerText(firm: string, version: number): string {
  const sentences = [
    `이 자료는 ${firm}의 애널리스트가 작성했으며, 플랫폼의 파트너 리서치 운영 기준에 따라 게재됩니다.`,
    "자료에 담긴 분석과 전망은 작성자의 견해이며 플랫폼의 입장과 같지 않을 수 있습니다.",
    "투자 판단의 참고 자료일 뿐이며, 투자 결과에 대한 법적 책임의 근거가 되지 않습니다.",
    `자료의 저작권은 ${firm}에 있으며, 허락 없이 복제하거나 다른 곳에 배포할 수 없습니다.`,
  ];
  if (version > 1) sentences.splice(3, 0, "비상장 주식은 거래가 적고 가격 변동이 클 수 있으니 유의하시기 바랍니다.");
  return sentences.join(" ");
}
