/// The Lua config Neovim (0.7 API) runs headless: attach `gen lsp` to the opened script, wait for its
/// diagnostics, ask for a hover, a completion and a definition, write one `key<TAB>value` line per finding
/// to $GEN_RESULT, and quit. Any Lua error is written as an `error` line, so the Swift test sees it.
enum NeovimConfig {
    static let lua = #"""
    local out = {}
    local function record(key, value) table.insert(out, key .. "\t" .. tostring(value):gsub("\n", " | ")) end

    local function run()
      local buf = vim.api.nvim_get_current_buf()
      local file = vim.api.nvim_buf_get_name(buf)
      local client_id = vim.lsp.start_client({
        name = "gen", cmd = { vim.env.GEN_BIN, "lsp" }, root_dir = vim.fn.fnamemodify(file, ":h"),
      })
      record("attached", vim.lsp.buf_attach_client(buf, client_id))
      local client = vim.lsp.get_client_by_id(client_id)
      vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        record("diagnostic", d.lnum .. ":" .. d.col .. " " .. d.message)
      end

      local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
      local function find(text)
        for i, line in ipairs(lines) do
          local at = line:find(text, 1, true)
          if at then return i - 1, at - 1 end
        end
        error("no `" .. text .. "` in the script")
      end
      local function request(method, text, offset)
        local line, col = find(text)
        local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = col + offset } }
        local reply, err = client.request_sync(method, params, 30000, buf)
        if not reply then error(method .. ": " .. tostring(err)) end
        if reply.err then error(method .. ": " .. vim.inspect(reply.err)) end
        return reply.result
      end

      local hover = request("textDocument/hover", "fewshot(", 2)
      record("hover", hover and hover.contents.value or "none")
      local completion = request("textDocument/completion", "sample.text", 7)
      local labels = {}
      for _, item in ipairs(completion.items or completion) do table.insert(labels, item.label) end
      record("completion", table.concat(labels, ","))
      local definition = request("textDocument/definition", "balanced(", 2)
      if definition and definition[1] then definition = definition[1] end
      record("definition", definition and (vim.uri_to_fname(definition.uri) .. ":" .. definition.range.start.line) or "none")
      client.stop()
    end

    -- `-u` runs this before the file is read: start once the editor has opened it.
    vim.api.nvim_create_autocmd("VimEnter", { callback = function()
      local ok, problem = pcall(run)
      if not ok then record("error", problem) end
      vim.fn.writefile(out, vim.env.GEN_RESULT)
      vim.cmd("qa!")
    end })
    """#
}
