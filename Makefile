# Chỉ số — every command installs what it is missing, and only that.
#   make serve   build and serve the app on the bundled snapshot at http://127.0.0.1:8080
#   make dev     Trunk's live-reloading server (no pre-rendered page, no embed pages)
#   make test    fmt, clippy, native tests, release build, browser tests in Chromium, Firefox and
#                WebKit, the build served by nginx (deploy/nginx.conf), the size budgets (budgets.json)
#   make dist    release build into dist/ (the pages and the studio), ready for any static host
#                (with .br and .gz copies); `make dist SITE_URL=https://host/folder/` also writes
#                each embed's oEmbed file and link (they need the site's absolute address)
#   make serve-nginx   dist/ served by Debian's nginx with deploy/nginx.conf (PORT= to choose)
#   make size    raw and brotli size of every file in dist/
#   make bench   Chỉ số beside uPlot, Chart.js, ECharts, Vega-Lite and a static SVG page (never fails)
#   make check FILES="a.json b.json"   validate snapshot files as the app reads them

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
# puppeteer-core drives the system's Firefox; nothing may download a browser.
export PUPPETEER_SKIP_DOWNLOAD := 1

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must be exactly the library's version in Cargo.lock, or Trunk would download one.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
CHROMIUM ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
NGINX ?= /usr/sbin/nginx
NGINX_BROTLI ?= /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
FIREFOX ?= /usr/bin/firefox-esr
WEBKIT_DRIVER ?= /usr/bin/WebKitWebDriver

.PHONY: serve serve-nginx dev test dist size bench check setup setup-rust setup-trunk setup-bindgen setup-node setup-chromium setup-firefox setup-webkit setup-fonts setup-nginx \
        lint test-native test-browser clean

# What a static host would serve: the release build, pre-rendered page and embed pages included.
serve: dist
	node tests/tools/serve.mjs dist

# The same, as deploy/nginx.conf serves it: compressed, cached, with the CSP as a header.
serve-nginx: dist setup-nginx
	node tests/tools/nginx.mjs dist

dev: setup-rust setup-trunk setup-bindgen setup-node
	trunk serve

# Each page of the reader has its own WASM, drawing its own charts alone: index.html's (the
# overview, `--features overview`), and the same page built again with `--features ranking` into
# a folder of its own (Trunk replaces the folder it builds into) as xep-hang.html, whose page and
# WASM are copied in beside the first; chiso-prerender makes each page and embed page load its
# page's WASM. The studio (studio.html) is its own Trunk build with its own WASM (the `studio`
# feature), in a folder of its own (Trunk names the page index.html), then copied in too.
RANKING_DIST := target/ranking-dist
STUDIO_DIST := target/studio-dist
# The site's public address, for what must be absolute (oEmbed, the preview image's URL); empty:
# none of it is written. `CHISO_SITE_URL` in the environment works too.
SITE_URL ?= $(CHISO_SITE_URL)
dist: setup-rust setup-trunk setup-bindgen setup-node setup-fonts
	trunk build --release --features overview
	trunk build --release --features ranking --dist $(RANKING_DIST) --html-output xep-hang.html
	cp $(RANKING_DIST)/xep-hang.html $(RANKING_DIST)/chiso-*.js $(RANKING_DIST)/chiso-*_bg.wasm dist/
	trunk build --release --dist $(STUDIO_DIST) studio.html
	mv $(STUDIO_DIST)/index.html $(STUDIO_DIST)/studio.html
	cp -R $(STUDIO_DIST)/. dist/
	CHISO_SITE_URL='$(SITE_URL)' cargo run --quiet --release --bin chiso-prerender -- dist
	node tests/tools/precompress.mjs dist

test: lint test-native dist setup-chromium setup-firefox setup-webkit setup-nginx
	$(MAKE) --no-print-directory test-browser

lint: setup-rust
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --all-features -- -D warnings

test-native:
	cargo test

# The Chromium suites, then the page, the embed and the trust checks in Firefox and WebKit
# (tests/e2e/engines.test.mjs; `CHISO_ENGINES=firefox` runs one of them), the smoke suite against
# nginx (nginx.test.mjs) and the size budgets (budget.test.mjs), each file starting and stopping
# its own server.
test-browser: setup-node setup-chromium setup-firefox setup-webkit setup-nginx
	node --test --test-concurrency=1 tests/e2e/*.test.mjs

size: dist
	node tests/tools/size.mjs dist

# A benchmark, not a test: it prints a table and never fails the build. Then the growth case:
# generated snapshots of ¼, ½ and 1 MiB (bench/out/scale) on the phone. `SCALE=0` skips it,
# `SCALE=only` runs it alone.
bench: dist setup-chromium bench/node_modules/.installed
	mkdir -p bench/out/static
	cargo run --quiet --release --bin chiso-prerender -- --static-page public/data/ba-ria-vung-tau-2023.json bench/out/static
	node bench/pages.mjs
	-[ "$${SCALE:-1}" = only ] || node bench/run.mjs
	-[ "$${SCALE:-1}" = 0 ] || { cargo run --quiet --release --bin chiso-gen -- dist bench/out/scale && node bench/scale.mjs; }

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund
	touch $@

check:
	cargo run --quiet --bin chiso-check -- $(FILES)

setup: setup-rust setup-trunk setup-bindgen setup-node setup-chromium setup-firefox setup-webkit setup-nginx

setup-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

setup-trunk:
	@trunk --version 2>/dev/null | grep -qF "trunk $(TRUNK_VERSION)" || cargo install trunk --locked --version $(TRUNK_VERSION)

# `--locked` fails for wasm-bindgen-cli on this registry; the version pin is what matters.
setup-bindgen:
	@wasm-bindgen --version 2>/dev/null | grep -qF "wasm-bindgen $(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

# npm tooling: wasm-opt (binaryen) and playwright-core. Reinstalled only when the lock file changes.
setup-node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The link-preview image is rasterised at build time with the system's fonts.
setup-fonts:
	@if [ ! -d /usr/share/fonts/truetype/dejavu ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core; \
	fi

setup-chromium:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	fi

# Debian's nginx and its brotli_static module, for the smoke suite and the budgets (the tests run
# their own nginx on a free port; they never touch the system's).
setup-nginx:
	@if [ ! -x $(NGINX) ] || [ ! -f $(NGINX_BROTLI) ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static; \
	fi

# Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no geckodriver). About 50 s to install.
setup-firefox:
	@if [ ! -x $(FIREFOX) ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr; \
	fi

# WebKitGTK's WebKitWebDriver and MiniBrowser, in an X server of their own (Xvfb); xdotool puts the
# pointer on the window, where the keyboard goes without a window manager. About 60 s to install.
setup-webkit:
	@if [ ! -x $(WEBKIT_DRIVER) ] || ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver xvfb xdotool; \
	fi

clean:
	cargo clean
	rm -rf dist
