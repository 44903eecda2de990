//! Posts are written in Markdown and rendered on the server, once, when they are saved.
//! Raw HTML in a post is shown as the text it is; the rendering then goes through
//! ammonia, so whatever slips past the parser still cannot run: no script, no event
//! handler, no `javascript:` URL, no image (an image would tell its host who read the
//! post and from where).

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::model::mentioned_handles;

/// Sanitised HTML of a post's Markdown; `@handles` become highlighted mentions.
pub fn render(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut in_code_block = false;
    let mut events = Vec::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code_block = true;
                events.push(Event::Start(Tag::CodeBlock(kind)));
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                events.push(Event::End(TagEnd::CodeBlock));
            }
            // Written HTML is text: escaped by the renderer like any other.
            Event::Html(html) | Event::InlineHtml(html) => events.push(Event::Text(html)),
            Event::Text(text) if !in_code_block && text.contains('@') => {
                push_with_mentions(&text, &mut events);
            }
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    sanitiser().clean(&html).to_string()
}

/// Splits a text event around its mentions. A handle is only ASCII letters, digits and
/// dots, so the span written around it needs no escaping.
fn push_with_mentions<'a>(text: &str, events: &mut Vec<Event<'a>>) {
    let handles = mentioned_handles(text);
    if handles.is_empty() {
        events.push(Event::Text(CowStr::from(text.to_string())));
        return;
    }
    let mut rest = text;
    while let Some(at) = next_mention(rest, &handles) {
        let (before, from) = rest.split_at(at.0);
        if !before.is_empty() {
            events.push(Event::Text(CowStr::from(before.to_string())));
        }
        let written = &from[..at.1];
        events.push(Event::InlineHtml(CowStr::from(format!(
            "<span class=\"mention\">{}</span>",
            written.to_lowercase()
        ))));
        rest = &from[at.1..];
    }
    if !rest.is_empty() {
        events.push(Event::Text(CowStr::from(rest.to_string())));
    }
}

/// The byte offset and length of the next `@handle` in `text` that is a real mention.
fn next_mention(text: &str, handles: &[String]) -> Option<(usize, usize)> {
    let mut search_from = 0;
    while let Some(relative) = text[search_from..].find('@') {
        let at = search_from + relative;
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '.'));
        let length = text[at + 1..]
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '.'))
            .map_or(text.len() - at - 1, |(index, _)| index);
        let handle = text[at + 1..at + 1 + length].trim_end_matches('.');
        if before_ok && !handle.is_empty() && handles.contains(&handle.to_lowercase()) {
            return Some((at, handle.len() + 1));
        }
        search_from = at + 1;
    }
    None
}

fn sanitiser() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .rm_tags(["img"])
        .link_rel(Some("noopener noreferrer nofollow"))
        .add_allowed_classes("span", ["mention"]);
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Payloads from the usual XSS cheat sheets, in Markdown and in raw HTML. None may
    /// leave anything that runs.
    const XSS: &[&str] = &[
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[clicca](javascript:alert(1))",
        "[clicca](JaVaScRiPt:alert(1))",
        "[clicca](&#106;avascript:alert(1))",
        "[clicca](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](https://example.org/x.png\"onerror=\"alert(1))",
        "<iframe src=\"https://example.org\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "`<script>alert(1)</script>`",
        "<<script>script>alert(1)<</script>/script>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<object data=\"javascript:alert(1)\"></object>",
        "[a](vbscript:msgbox(1))",
        "<base href=\"javascript:alert(1)//\">",
    ];

    /// The markup of a rendering: every `<…>` tag, lower-cased. Escaped text (`&lt;…`)
    /// is not markup, however it reads.
    fn tags(html: &str) -> Vec<String> {
        html.split('<')
            .skip(1)
            .map(|rest| rest.split('>').next().unwrap_or_default().to_lowercase())
            .collect()
    }

    #[test]
    fn xss_payloads_are_rendered_inert() {
        for payload in XSS {
            let rendered = render(payload);
            let html: String = tags(&rendered)
                .iter()
                .map(|tag| format!("<{} >", tag.replace('\n', " ")))
                .collect();
            for forbidden in [
                "<script",
                "<img",
                "<svg",
                "<iframe",
                "<object",
                "<form",
                "<base",
                "<style",
                " onerror=",
                " onload=",
                " onclick=",
                " ontoggle=",
                "href=\"javascript:",
                "href=\"vbscript:",
                "href=\"data:",
                "style=",
            ] {
                assert!(
                    !html.contains(forbidden),
                    "{payload:?} rendered as {rendered:?} keeps {forbidden:?}"
                );
            }
        }
    }

    #[test]
    fn markdown_is_rendered_and_links_are_safe() {
        let html =
            render("**Attenzione**: vedi [la guida](https://example.org/guida)\n\n> citazione");
        assert!(html.contains("<strong>Attenzione</strong>"));
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
        assert!(html.contains("<blockquote>"));
    }

    #[test]
    fn mentions_are_highlighted_outside_code() {
        let html = render("Grazie @Sara.Colombo.\n\n```\n@non.menzione\n```");
        assert!(html.contains("<span class=\"mention\">@sara.colombo</span>."));
        assert!(!html.contains("<span class=\"mention\">@non.menzione"));
        assert!(render("scrivi a info@esempio.it").contains("info@esempio.it"));
    }
}
