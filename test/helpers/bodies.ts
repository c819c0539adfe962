/** Report bodies as they reach the service: from the API, pasted from office documents and web pages, typed in the panel. */

/** An image as the upload route will serve it: /images/<sha256 hex>. */
export const OWN_IMAGE = `/images/${"3f".repeat(32)}`;

/** The partner note's comparison table: a header row and three services. */
export const KOREAN_TABLE_CELLS = [
  ["서비스", "최대 길이", "부분 재생성", "가격"],
  ["Sora 2", "20초", "불가", "월 20달러부터"],
  ["Veo 3", "8초", "가능", "월 249.99달러"],
  ["Kling 2.1", "10초", "가능 (베타)", "크레딧 35개"],
];

const [HEAD, ...ROWS] = KOREAN_TABLE_CELLS;

/** Word's HTML clipboard: conditional comments, a style sheet, o:p, mso- styles, widths, bold header cells. */
const wordTable = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><title>파트너 노트</title>
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-family:"맑은 고딕"} --></style></head>
<body lang=KO style='tab-interval:40.0pt;word-wrap:break-word'>
<!--StartFragment-->
<p class=MsoNormal><span lang=KO style='font-size:11.0pt'>주요 동영상 생성 서비스 비교<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>
 <colgroup><col width=151><col width=110><col width=120><col width=160></colgroup>
 ${KOREAN_TABLE_CELLS.map(
   (row, r) => ` <tr style='mso-yfti-irow:${r}'>
${row
  .map(
    (text) => `  <td width=151 valign=top style='width:113.2pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'>${r === 0 ? "<b>" : ""}<span lang=EN-US style='mso-bidi-font-family:"Times New Roman"'>${text}</span>${r === 0 ? "</b>" : ""}<o:p></o:p></p>
  </td>`,
  )
  .join("\n")}
 </tr>`,
 ).join("\n")}
</table>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<!--EndFragment-->
</body></html>`;

/** LibreOffice Writer's HTML: a thead of th cells, every cell text in a <p>, colgroup widths. */
const officeTable = `<meta name="generator" content="LibreOffice"><p style="margin-bottom: 0cm">주요 동영상 생성 서비스 비교</p>
<table width="642" cellpadding="7" cellspacing="0"><col width="151"/><col width="110"/><col width="120"/><col width="160"/>
<thead><tr valign="top">${HEAD.map((text) => `<th width="151" style="border: 1px solid #000000; padding: 0.18cm"><p align="center">${text}</p></th>`).join("")}</tr></thead>
<tbody>${ROWS.map((row) => `<tr valign="top">${row.map((text) => `<td width="151" style="border: 1px solid #000000"><p class="western">${text}</p></td>`).join("")}</tr>`).join("\n")}</tbody>
</table>`;

/** A table copied from a web page: classes, inline styles, text straight in the cells, newlines between. */
const browserTable = `<meta charset="utf-8"><h3 class="title" style="color: rgb(33, 33, 33); font-family: 'Noto Sans KR'">주요 동영상 생성 서비스 비교</h3>
<table class="compare" style="width: 100%; border-collapse: collapse;">
  <thead>
    <tr>${HEAD.map((text) => `<th scope="col" style="background: #eee">${text}</th>`).join("\n      ")}</tr>
  </thead>
  <tbody>
${ROWS.map((row) => `    <tr>\n${row.map((text) => `      <td class="cell" data-x="1">${text}</td>`).join("\n")}\n    </tr>`).join("\n")}
  </tbody>
</table>`;

export const BODIES = {
  wordTable,
  officeTable,
  browserTable,
  footnotes: `<p>매출은 20%<sup>1</sup> 늘었고 CO<sub>2</sub> 배출은 줄었습니다.</p><p><sup>1</sup> <a href="https://example.com/ir" target="_blank">IR 자료</a> 기준</p>`,
  everything: `<h2>요약</h2><h3>핵심</h3><h4>세부</h4>
<p><strong>굵게</strong> <em>기울임</em> <u>밑줄</u> <s>취소선</s> H<sub>2</sub>O 20%<sup>1</sup> <a href="https://example.com" title="원문">링크</a><br>다음 줄</p>
<ul><li>항목<ul><li>하위 항목</li></ul></li></ul><ol start="3"><li>셋째</li></ol>
<blockquote><p>인용</p></blockquote><hr>
<table><tr><th>서비스</th><th colspan="2">길이</th></tr><tr><td rowspan="2">Sora 2</td><td>20초</td><td>1080p</td></tr><tr><td>10초</td><td>720p</td></tr></table>
<img src="${OWN_IMAGE}" alt="차트" width="640" height="360">`,
  prettyPrinted: `
    <h2>  무슨 이야기인가요?  </h2>
    <p>
      루미나모션은 <strong>동영상 생성 AI</strong>를
      편집 워크플로우에 붙였습니다.
    </p>
    <ul>
      <li>첫째 요점</li>
      <li>
        둘째 요점
        <ol>
          <li>세부 1</li>
        </ol>
      </li>
    </ul>
  `,
  strays: `머리말 <b>굵게</b><ul>목록 밖 글<li>항목</li><ul><li>바로 들어간 하위 목록</li></ul><p>목록 안 문단</p></ul>
<table>표 제목<tr>줄 밖 글<td>칸</td></tr><td>줄 없는 칸</td></table><li>목록 없는 항목</li><td>표 없는 칸</td>`,
  raggedTable: `<table><tr><td>1</td><td>2</td><td>3</td><td>4</td></tr><tr><td colspan="9">넓음</td></tr><tr></tr>
<tr><td rowspan="99">김</td><td colspan="2" rowspan="2">겹침</td></tr><tr><td colspan="3">부딪힘</td></tr><tr><th>끝</th></tr></table>`,
  marks: `<p><em><strong>순서</strong></em> <b><i>b와 i</i></b> <strong>나뉜 </strong><strong>강조</strong> <a href="https://a.example"><a href="https://b.example">안쪽 링크</a></a>
<a href="javascript:alert(1)">스크립트</a> <a href="/relative">상대</a> <a href="ftp://example.com">ftp</a> <del>삭제</del> <strike>줄</strike></p>`,
  blocksInLines: `<p>앞<table><tr><td>표</td></tr></table>뒤</p><h2>제목<hr>이어짐</h2><p>줄<br></p><br><li>끝 <img src="${OWN_IMAGE}"> 글</li>`,
  whitespace: `<p>  앞뒤 공백  </p><p>여러   칸\t탭\n줄바꿈</p><p>&nbsp;</p><p>a&nbsp; b <b> c</b> </p>`,
};
