//! A printable page: one self-contained HTML file (no external assets), one question a block
//! with lettered options, and the answer key on its own page (CSS `break-before: page`). Every
//! text is escaped, so "the tag <br>" shows as written; a line break inside a text is a `<br>`.
//! Readable on paper and on a phone.

use quick_xml::escape::escape;

use super::{Quiz, html_breaks, letter};

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.45;max-width:46em;margin:0 auto;padding:1em}\
h1{font-size:1.5em}.who{margin-bottom:1.5em}\
ol.questions>li{margin:0 0 1.2em;break-inside:avoid;page-break-inside:avoid}\
.stem{margin:0 0 .4em}ol.options{margin:0;padding-left:2em}\
.key{break-before:page;page-break-before:always}.key li{margin-bottom:.4em}\
@media print{body{max-width:none;padding:0}}";

pub(super) fn render(quiz: &Quiz) -> String {
    let subject = escape(&quiz.subject);
    let mut s = format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{subject}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{subject}</h1>\n<p class=\"who\">Name: ______________________ Date: __________</p>\n\
         <ol class=\"questions\">\n"
    );
    for q in &quiz.questions {
        s.push_str(&format!(
            "<li class=\"question\">\n<p class=\"stem\">{}</p>\n<ol class=\"options\" type=\"A\">\n",
            html_breaks(&q.question)
        ));
        for o in &q.options {
            s.push_str(&format!("<li>{}</li>\n", html_breaks(o)));
        }
        s.push_str("</ol>\n</li>\n");
    }
    s.push_str("</ol>\n<section class=\"key\">\n<h2>Answer key</h2>\n<ol>\n");
    for q in &quiz.questions {
        s.push_str(&format!(
            "<li><b class=\"letter\">{}</b> <span class=\"answer\">{}</span>",
            letter(q.answer_index),
            html_breaks(q.answer())
        ));
        if !q.explanation.is_empty() {
            s.push_str(&format!(
                " — <span class=\"why\">{}</span>",
                html_breaks(&q.explanation)
            ));
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ol>\n</section>\n</body>\n</html>\n");
    s
}
