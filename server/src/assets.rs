//! The browser bundle, stylesheet and icons under `/pkg`, served from disk without a
//! session. A release build names these files after their content (`hash-files`) and
//! writes `.br` and `.gz` copies beside them (`--precompress`): they are sent compressed
//! as the browser accepts and cached for a year, since a new build has new names. Without
//! hashed names (development) the browser must ask each time whether they changed.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use http::header::{CACHE_CONTROL, VARY};
use http::HeaderValue;
use leptos::config::LeptosOptions;
use tower_http::services::ServeDir;

pub fn routes(options: &LeptosOptions) -> Router {
    let directory =
        std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let files = ServeDir::new(directory)
        .precompressed_br()
        .precompressed_gzip();
    let cache = if options.hash_files {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    Router::new()
        .nest_service(&format!("/{}", options.site_pkg_dir), files)
        .layer(axum::middleware::from_fn(
            move |request: Request, next: Next| async move {
                let mut response: Response = next.run(request).await;
                if response.status().is_success()
                    || response.status() == http::StatusCode::NOT_MODIFIED
                {
                    let headers = response.headers_mut();
                    headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
                    // The same name answers brotli, gzip or plain bytes: caches must keep them apart.
                    headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
                }
                response
            },
        ))
}
