//! Loading the manifest and a snapshot over HTTP (browser only).
//!
//! Bytes, not text or JSON, are taken from the response so that the pure validator sees exactly
//! what the server sent (and can say "not UTF-8" or "line 3, column 7"). Every request has a
//! deadline: a response that never finishes is aborted and said to be a timeout. A file the page's
//! loader already asked for ([`EARLY_DATA`]) is read from that request, not asked for again.

use std::sync::Arc;

use gloo_net::http::{Request, Response};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::load::{LoadError, EARLY_DATA};
use crate::route::AMONG_OTHERS_IN_BUILD;
use crate::snapshot::{Loaded, Manifest};
use crate::validate::{check_published, parse_manifest, parse_snapshot, parse_snapshot_own};

pub use crate::load::MANIFEST_PATH;

/// Long enough for a 2G connection to fetch a snapshot, short enough that nobody waits for ever.
pub const TIMEOUT_SECONDS: u32 = 10;

fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}

/// The request the loader started for `path`, if it did and nobody took it yet: its response (a
/// promise) and the controller that aborts it. Taken once: a retry asks again.
fn take_early(path: &str) -> Option<(js_sys::Promise, web_sys::AbortController)> {
    let window: JsValue = web_sys::window()?.into();
    let early = Reflect::get(&window, &JsValue::from_str(EARLY_DATA)).ok()?;
    if !early.is_object() {
        return None;
    }
    let key = JsValue::from_str(path);
    let entry = Reflect::get(&early, &key).ok()?;
    if !entry.is_object() {
        return None;
    }
    let _ = Reflect::delete_property(early.unchecked_ref::<js_sys::Object>(), &key);
    let response = Reflect::get(&entry, &JsValue::from_str("response")).ok()?;
    let abort = Reflect::get(&entry, &JsValue::from_str("abort")).ok()?;
    Some((response.dyn_into().ok()?, abort.dyn_into().ok()?))
}

/// A rejected `fetch()` in the browser's own words, as gloo-net says them.
fn js_detail(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("{}: {}", e.name(), e.message()),
        None => format!("{e:?}"),
    }
}

async fn get(path: &str) -> Result<Vec<u8>, LoadError> {
    let file = path.to_string();
    let (early, early_abort) = take_early(path).unzip();
    // Asked even when the browser says it is offline: the service worker (`sw.js`) may answer
    // from its copy of a file this reader has read before. A request that fails offline is said
    // to be offline below.
    // The loader's request is aborted by its own controller, so the deadline holds for it too.
    let controller = early_abort.or_else(|| web_sys::AbortController::new().ok());
    let signal = controller.as_ref().map(|c| c.signal());
    // The timer aborts the request, headers or body alike; it is cleared once the body is in.
    let abort = controller
        .clone()
        .map(|c| Closure::once_into_js(move || c.abort()));
    let timer = abort.as_ref().and_then(|f| {
        web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                f.unchecked_ref(),
                (TIMEOUT_SECONDS * 1000) as i32,
            )
            .ok()
    });
    let result = async {
        let resp = match early {
            Some(response) => JsFuture::from(response)
                .await
                .map_err(|e| (js_detail(&e), false))?
                .dyn_into::<web_sys::Response>()
                .map(Response::from)
                .map_err(|e| (js_detail(&e), false))?,
            None => Request::get(path)
                .abort_signal(signal.as_ref())
                .send()
                .await
                .map_err(|e| (e.to_string(), false))?,
        };
        if !resp.ok() {
            return Err((resp.status().to_string(), true));
        }
        resp.binary().await.map_err(|e| (e.to_string(), false))
    }
    .await;
    if let (Some(t), Some(w)) = (timer, web_sys::window()) {
        w.clear_timeout_with_handle(t);
    }
    let aborted = signal.as_ref().is_some_and(|s| s.aborted());
    match result {
        Ok(bytes) => Ok(bytes),
        Err((status, true)) => Err(LoadError::Http {
            file,
            status: status.parse().unwrap_or(0),
        }),
        Err(_) if aborted => Err(LoadError::Timeout {
            file,
            seconds: TIMEOUT_SECONDS,
        }),
        Err(_) if offline() => Err(LoadError::Offline { file }),
        Err((detail, false)) => Err(LoadError::Network { file, detail }),
    }
}

pub async fn load_manifest() -> Result<Manifest, LoadError> {
    let bytes = get(MANIFEST_PATH).await?;
    parse_manifest(&bytes).map_err(|problems| LoadError::Invalid {
        file: MANIFEST_PATH.to_string(),
        problems: Arc::new(problems),
    })
}

/// Loads the snapshot `id` (else the manifest's default) at `version` (else the latest).
pub async fn load(
    manifest: Manifest,
    id: Option<String>,
    version: Option<String>,
) -> Result<Loaded, LoadError> {
    let id = id.unwrap_or_else(|| manifest.default.clone());
    let entry = manifest
        .entry(&id)
        .cloned()
        .ok_or_else(|| LoadError::NoSuchSnapshot {
            file: MANIFEST_PATH.to_string(),
            id: id.clone(),
        })?;
    let v = match &version {
        Some(v) => entry.version(v),
        None => entry.latest(),
    }
    .cloned()
    .ok_or_else(|| LoadError::NoSuchVersion {
        file: MANIFEST_PATH.to_string(),
        id: id.clone(),
        version: version.clone().unwrap_or_default(),
    })?;
    let bytes = get(&v.path).await?;
    // A WASM whose pages do not place the unit among the others (the overview's) reads the
    // snapshot without those parts, and is compiled without their reading.
    let parse = if AMONG_OTHERS_IN_BUILD {
        parse_snapshot
    } else {
        parse_snapshot_own
    };
    let snapshot = parse(&bytes).map_err(|problems| LoadError::Invalid {
        file: v.path.clone(),
        problems: Arc::new(problems),
    })?;
    // A source dated after the version was published: only the manifest knows that day.
    let problems = check_published(&snapshot, &v.published);
    if !problems.is_empty() {
        let file = v.path.clone();
        let problems = Arc::new(problems);
        return Err(LoadError::Invalid { file, problems });
    }
    Ok(Loaded {
        manifest,
        entry,
        version: v,
        snapshot,
    })
}
