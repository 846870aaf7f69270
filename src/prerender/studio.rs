//! The studio page (`studio.html`, built by Trunk from its own entry): hardened as the reader's
//! pages are (the strict CSP, the WASM fetched with its integrity checked by an external loader
//! that is itself checked, the stylesheet inlined), with a loader of its own: no data to warm,
//! no pre-rendered page to wait for.

use super::harden::{sri, trunk_loader, with_external_loader};

/// Replaces Trunk's inline loader of `studio.html` with an external one, inlines the first
/// stylesheet and puts the CSP first in the head. `read` gives the bytes of a built file by
/// name. Returns the new HTML and the loader file (name, contents) to write.
pub fn harden_studio(
    html: &str,
    read: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<(String, (String, String)), String> {
    let trunk = trunk_loader(html, "studio.html")?;
    let (js, wasm) = (&trunk.js, &trunk.wasm);
    let wasm_bytes =
        read(wasm.trim_start_matches("./")).ok_or_else(|| format!("{wasm} is missing"))?;
    let loader = format!(
        "// Starts the Chỉ số data studio: fetches its WASM with its integrity checked, then runs it.\n\
         const {{ default: init }} = await import('{js}');\n\
         try {{\n  await init({{ module_or_path: fetch('{wasm}', {{ integrity: '{}' }}) }});\n}} catch (e) {{\n\
         \x20 const p = document.querySelector('#boot .loading');\n\
         \x20 if (p) p.textContent = 'Không mở được xưởng số liệu. Hãy tải lại trang. / The studio could not start. Please reload the page.';\n\
         \x20 throw e;\n}}\n",
        sri(&wasm_bytes),
    );
    with_external_loader(html, &trunk, "studio-boot", loader, "", read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prerender::style_hashes;

    const TRUNK: &str = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n  <meta charset=\"utf-8\">\n\
<link rel=\"stylesheet\" href=\"./main-1.css\" integrity=\"sha384-x\"/>\n\
<link rel=\"modulepreload\" href=\"./chiso-studio-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-y\">\n\
<link rel=\"preload\" href=\"./chiso-studio-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-z\" as=\"fetch\" type=\"application/wasm\">\n\
<script type=\"module\">\nimport init, * as bindings from './chiso-studio-1.js';\n\
const wasm = await init({ module_or_path: './chiso-studio-1_bg.wasm' });\n</script>\n</head><body></body></html>";

    fn read(name: &str) -> Option<Vec<u8>> {
        match name {
            "chiso-studio-1_bg.wasm" => Some(b"\0asm".to_vec()),
            "main-1.css" => Some(b"body{margin:0}".to_vec()),
            _ => None,
        }
    }

    #[test]
    fn the_studio_gets_a_checked_loader_the_csp_and_no_inline_script() {
        let (html, (name, loader)) = harden_studio(TRUNK, read).expect("hardened");
        assert!(name.starts_with("studio-boot-") && name.ends_with(".js"));
        assert!(html.contains(&format!(
            "src=\"./{name}\" integrity=\"{}\"",
            sri(loader.as_bytes())
        )));
        assert!(loader.contains(&format!("integrity: '{}'", sri(b"\0asm"))));
        assert!(loader.contains("import('./chiso-studio-1.js')"));
        assert!(!html.contains("<script type=\"module\">"));
        assert!(
            !html.contains(".wasm\""),
            "the WASM is fetched by the loader, not preloaded"
        );
        assert!(html.contains("<style>body{margin:0}</style>"));
        let csp_at = html.find("Content-Security-Policy").expect("a CSP");
        assert!(csp_at < html.find("<style>").expect("style"));
        assert!(html.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(html.contains(&style_hashes(&html).expect("hashes")));
    }

    #[test]
    fn a_page_that_is_not_trunks_is_refused() {
        assert!(harden_studio("<html><head></head></html>", read).is_err());
        let missing = TRUNK.replace("chiso-studio-1_bg.wasm", "gone_bg.wasm");
        assert!(harden_studio(&missing, read).is_err());
    }
}
