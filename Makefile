# Confer — two commands: `make run` and `make test`. Each installs what is
# missing (Debian packages, npm packages), builds, and then serves or tests.
SHELL := /bin/bash
.DEFAULT_GOAL := build
JOBS ?= 2
BUILD_DIR ?= build
PYTHON := /usr/bin/python3
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: deps deps-test configure build web web-test docs-ui run migrate test unit-test api-test fuzz fuzz-smoke bench format clean

deps:
	@bash scripts/install-deps.sh

deps-test:
	@bash scripts/install-deps.sh --test

$(BUILD_DIR)/build.ninja: CMakeLists.txt
	@cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS) >/dev/null

configure: $(BUILD_DIR)/build.ninja

build: deps configure docs-ui web
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# The React app (web/): npm ci when node_modules is missing or older than the
# lockfile, then a production build into web/dist, which `confer serve` serves.
web:
	@bash scripts/build-web.sh

# Vitest, then the end-to-end run in Chromium (part of `make test` too).
web-test: build
	@bash scripts/web-tests.sh

docs-ui:
	@bash docs/api-ui/build.sh $(BUILD_DIR)/api-docs

run: build
	@mkdir -p data
	@echo "Confer on http://localhost:$${PORT:-8080}"
	@./$(BUILD_DIR)/confer seed-demo
	@HOST=$${HOST:-127.0.0.1} PORT=$${PORT:-8080} WEB_DIR=$${WEB_DIR:-$(CURDIR)/web/dist} ./$(BUILD_DIR)/confer serve

migrate: build
	@./$(BUILD_DIR)/confer migrate

test: deps-test build
	@bash scripts/run-tests.sh

unit-test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

api-test: build
	@$(PYTHON) -m pytest tests/api -q

fuzz: deps-test
	@bash scripts/fuzz.sh 600

fuzz-smoke: deps-test
	@bash scripts/fuzz.sh 30

bench: build
	@bash scripts/bench.sh

format:
	@find src bench tests -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	@rm -rf $(BUILD_DIR) build-fuzz
