//! The origin browsers open Anello at (`--public-url`), and the cross-origin check that
//! compares each mutating request with it.
//!
//! Behind a reverse proxy the `Host` header is whatever the proxy sends upstream (nginx
//! sends the upstream's address unless told otherwise), so it cannot say which origin the
//! browser is on: the configured public URL does. Only without one is `Host` trusted, as
//! on a developer's machine with nothing in front.

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::header::{HOST, ORIGIN};
use http::{HeaderMap, Method};

use app::kernel::error::AppError;

/// The public URL reduced to its origin (`https://anello.rete.example`, default port
/// left out), which is what browsers send in `Origin`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicOrigin {
    origin: String,
    https: bool,
}

impl PublicOrigin {
    /// Reads `--public-url`: `http://` or `https://`, a host, nothing after the origin
    /// but an optional `/`.
    pub fn parse(value: &str) -> anyhow::Result<PublicOrigin> {
        let url = url::Url::parse(value.trim()).map_err(|error| {
            anyhow::anyhow!("ANELLO_PUBLIC_URL {value:?} is not a URL: {error}")
        })?;
        let https = match url.scheme() {
            "https" => true,
            "http" => false,
            other => anyhow::bail!("ANELLO_PUBLIC_URL must start with https:// (not {other}://)"),
        };
        if url.host_str().is_none_or(str::is_empty) {
            anyhow::bail!("ANELLO_PUBLIC_URL {value:?} has no host");
        }
        if url.path() != "/" || url.query().is_some() || !url.username().is_empty() {
            anyhow::bail!(
                "ANELLO_PUBLIC_URL must be an origin such as https://anello.example.org, \
                 without a path, query or user"
            );
        }
        Ok(PublicOrigin {
            origin: url.origin().ascii_serialization(),
            https,
        })
    }

    pub fn is_https(&self) -> bool {
        self.https
    }

    /// `https://anello.example.org`, for links in e-mails.
    pub fn as_str(&self) -> &str {
        &self.origin
    }
}

/// What the cross-origin check compares a request with.
#[derive(Clone, Debug, Default)]
pub struct OriginCheck {
    /// `PublicOrigin::as_str` of the configured public URL.
    pub public_origin: Option<String>,
    /// Behind a trusted proxy: the scheme comes from `X-Forwarded-Proto`.
    pub trust_proxy: bool,
}

/// An `Origin` header value as an origin (`null` and garbage are no origin).
fn origin_of(value: &str) -> Option<String> {
    let url = url::Url::parse(value).ok()?;
    let origin = url.origin();
    origin.is_tuple().then(|| origin.ascii_serialization())
}

/// The host part (host:port) of an `Origin` header value.
fn origin_host(origin: &str) -> Option<&str> {
    origin
        .split_once("://")
        .map(|(_, rest)| rest.trim_end_matches('/'))
}

impl OriginCheck {
    /// Whether `origin` (the browser's `Origin` header) is Anello's own origin.
    fn is_own(&self, origin: &str, headers: &HeaderMap) -> bool {
        if let Some(public) = &self.public_origin {
            return origin_of(origin).as_ref() == Some(public);
        }
        let Some(host) = headers.get(HOST).and_then(|v| v.to_str().ok()) else {
            return false;
        };
        let forwarded_scheme = self
            .trust_proxy
            .then(|| headers.get("x-forwarded-proto"))
            .flatten()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .map(|v| v.trim().to_ascii_lowercase());
        match forwarded_scheme {
            Some(scheme) => {
                origin_of(origin).is_some()
                    && origin_of(origin) == origin_of(&format!("{scheme}://{host}"))
            }
            // A server with nothing in front does not know its scheme; the host decides.
            None => origin_host(origin) == Some(host),
        }
    }

    /// Whether a mutating request comes from another site. Browsers send `Origin` on
    /// every cross-origin POST; requests without it or `Sec-Fetch-Site` come from
    /// non-browser clients, which carry no ambient credentials of a victim, so they pass
    /// to the normal authentication.
    pub fn refuses(&self, headers: &HeaderMap) -> bool {
        let origin = headers.get(ORIGIN).map(|v| v.to_str().unwrap_or("null"));
        let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
        match (origin, fetch_site) {
            (Some(origin), _) => !self.is_own(origin, headers),
            (None, Some(site)) => !matches!(site, "same-origin" | "none"),
            (None, None) => false,
        }
    }
}

fn is_mutating(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Refuses a mutating request from another origin with a translated 403.
pub async fn refuse_cross_origin(
    State(check): State<OriginCheck>,
    request: Request,
    next: Next,
) -> Response {
    if is_mutating(request.method()) && check.refuses(request.headers()) {
        let headers = request.headers();
        let language = app::i18n::request_language(headers);
        // The route's template, never the path: paths hold people's codes.
        let route = request
            .extensions()
            .get::<MatchedPath>()
            .map_or("unmatched", MatchedPath::as_str);
        tracing::warn!(route, "cross-origin request refused");
        return crate::security::error_response(&AppError::CrossOrigin, language, headers);
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(*name, value.parse().unwrap());
        }
        headers
    }

    #[test]
    fn the_public_url_is_reduced_to_its_origin() {
        let public = PublicOrigin::parse("https://Anello.Rete.example:443/").unwrap();
        assert_eq!(public.as_str(), "https://anello.rete.example");
        assert!(public.is_https());
        assert!(!PublicOrigin::parse("http://127.0.0.1:3000")
            .unwrap()
            .is_https());
        for bad in [
            "anello.example",
            "ftp://anello.example",
            "https://a.example/anello",
            "",
        ] {
            assert!(PublicOrigin::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn behind_a_proxy_the_public_url_decides_not_the_host() {
        let check = OriginCheck {
            public_origin: Some(
                PublicOrigin::parse("https://anello.rete.example")
                    .unwrap()
                    .as_str()
                    .to_string(),
            ),
            trust_proxy: true,
        };
        let upstream = |origin: &str| headers(&[("host", "127.0.0.1:3000"), ("origin", origin)]);
        assert!(!check.refuses(&upstream("https://anello.rete.example")));
        assert!(check.refuses(&upstream("http://anello.rete.example")));
        assert!(check.refuses(&upstream("https://evil.example")));
        assert!(check.refuses(&upstream("null")));
        assert!(check.refuses(&upstream("http://127.0.0.1:3000")));
        assert!(check.refuses(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!check.refuses(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!check.refuses(&HeaderMap::new()));
    }

    #[test]
    fn without_a_public_url_the_host_and_forwarded_scheme_decide() {
        let direct = OriginCheck::default();
        let request = headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000"),
        ]);
        assert!(!direct.refuses(&request));
        assert!(direct.refuses(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3001")
        ])));
        let proxied = OriginCheck {
            public_origin: None,
            trust_proxy: true,
        };
        let forwarded = |proto: &str, origin: &str| {
            headers(&[
                ("host", "anello.example"),
                ("x-forwarded-proto", proto),
                ("origin", origin),
            ])
        };
        assert!(!proxied.refuses(&forwarded("https", "https://anello.example")));
        assert!(proxied.refuses(&forwarded("https", "http://anello.example")));
    }
}
