#!/usr/bin/env bash
# Makes docs/editor.png from a real editor session: Neovim (Debian's 0.7) in a detached tmux terminal of a
# fixed size, with editors/vim for highlighting and `gen lsp` attached, opens examples/bank_intents.gen with a
# misspelt parameter, waits for the server's diagnostic, opens its float, captures the pane with its colours,
# turns that into HTML (scripts/ansi_to_html.py) and screenshots the page with headless Chromium.
# Usage: scripts/editor-screenshot.sh [OUT.png]   (GEN_BIN: the gen binary, default .build/debug/gen;
# KEEP=1 keeps the temporary folder: the pane capture, the HTML, the Lua config)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out="${1:-docs/editor.png}"
gen="$(realpath -m "${GEN_BIN:-.build/debug/gen}")"
cols=110 rows=44  # tall enough for the schema above the error and the interpolated string below

[ -x "$gen" ] || { echo "no gen binary at $gen: swift build --product gen, or set GEN_BIN" >&2; exit 1; }
command -v tmux >/dev/null || apt-get install -y tmux
for tool in nvim chromium python3; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (scripts/setup.sh installs nvim and chromium)" >&2; exit 1; }
done

work="$(mktemp -d)"
socket="$work/tmux.sock"  # a private tmux server, so no one else's sessions are touched; removed with $work
cleanup() { tmux -S "$socket" kill-server 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"; }
trap cleanup EXIT

# The deliberate error, as in NeovimClientTests: `temprature` for `temperature`.
sed 's/fewshot(local, k: 3, temperature: 0.8)/fewshot(local, k: 3, temprature: 0.8)/' examples/bank_intents.gen > "$work/bank_intents.gen"
grep -q temprature "$work/bank_intents.gen" || { echo "examples/bank_intents.gen changed: pick another deliberate error" >&2; exit 1; }
cp -r examples/seeds "$work/seeds"

cat > "$work/init.lua" <<'LUA'
vim.opt.runtimepath:prepend(vim.env.GEN_VIM)
vim.cmd("filetype plugin on | syntax on")
vim.o.termguicolors = true  -- truecolour codes through tmux; ansi_to_html.py reads them
vim.o.background = "dark"
vim.cmd("colorscheme desert")
vim.o.number, vim.o.signcolumn, vim.o.laststatus, vim.o.swapfile = true, "yes", 2, false
-- desert links floats to its magenta menu colours; a dark float reads better.
vim.cmd("hi NormalFloat guifg=White guibg=#1c1c1c | hi FloatBorder guifg=grey50 guibg=#1c1c1c")
-- Virtual text: the message's first line; the float below shows the hint too.
vim.diagnostic.config({ virtual_text = { format = function(d) return d.message:match("[^\n]*") end } })

-- The client from editors/vim/README.md.
vim.api.nvim_create_autocmd("FileType", { pattern = "gen", callback = function(args)
  local client = vim.lsp.start_client({
    name = "gen", cmd = { vim.env.GEN_BIN, "lsp" }, root_dir = vim.fn.fnamemodify(args.file, ":p:h"),
  })
  vim.lsp.buf_attach_client(args.buf, client)
end })

-- When the diagnostic arrives: show its line two thirds down the window, open its float (with the hint)
-- to the right of the short `arm` lines above it, and tell the script. The float waits a moment so the cursor
-- move does not close it.
vim.api.nvim_create_autocmd("DiagnosticChanged", { callback = function(args)
  local d = vim.diagnostic.get(args.buf)[1]
  if not d then return end
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  vim.fn.winrestview({ topline = math.max(1, d.lnum + 1 - math.floor(vim.o.lines * 2 / 3)) })
  vim.defer_fn(function()
    vim.diagnostic.open_float({ scope = "cursor", border = "rounded", close_events = {}, offset_x = 24 })
    vim.defer_fn(function() vim.fn.writefile({ d.message }, vim.env.SHOT_READY) end, 300)
  end, 300)
end })
LUA

cat > "$work/tmux.conf" <<'CONF'
set -g default-terminal screen-256color
set -g status off
CONF

tmux -2 -S "$socket" -f "$work/tmux.conf" new-session -d -x "$cols" -y "$rows" -c "$work" \
  env GEN_BIN="$gen" GEN_VIM="$root/editors/vim" SHOT_READY="$work/ready" \
  XDG_STATE_HOME="$work" XDG_DATA_HOME="$work" XDG_CACHE_HOME="$work" \
  nvim -u "$work/init.lua" -i NONE bank_intents.gen

for _ in $(seq 600); do [ -f "$work/ready" ] && break; sleep 0.1; done
[ -f "$work/ready" ] || { echo "no diagnostic from gen lsp within 60 s; the pane:" >&2; tmux -S "$socket" capture-pane -p >&2; exit 1; }
echo "diagnostic: $(tr '\0' ' ' < "$work/ready")"

tmux -S "$socket" capture-pane -e -p -N > "$work/pane.ans"
# desert's Normal colours (gui: grey20 background, white text) for the cells nvim leaves at the default.
size="$(python3 scripts/ansi_to_html.py "$work/pane.ans" "$work/editor.html" --fg '#ffffff' --bg '#333333')"
mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$work/chromium" \
  --force-device-scale-factor=1 --screenshot="$(realpath "$out")" --window-size="$size" "file://$work/editor.html" 2>/dev/null
echo "wrote $out ($size, $(stat -c %s "$out") bytes)"
