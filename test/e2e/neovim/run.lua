-- Drives Neovim's own LSP client against `jiaodui lsp`, as an editor would, through the documented
-- configuration (jiaodui.lua, sourced verbatim). Started by run.ts:
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/e2e/neovim/run.lua'
-- with JIAODUI_E2E_CONFIG (the configuration), JIAODUI_E2E_DRAFT (a draft holding a line with 𠮷𠮷
-- before a half-width comma and 卫生卫生), JIAODUI_E2E_RULES (the registered rule ids, comma-separated)
-- and `jiaodui` on PATH. Prints one "ok - …" / "not ok - …" line per check and a closing count line;
-- exits non-zero when a check fails. Written for Neovim 0.7 (Debian 12) and later.

local passed, failed = 0, 0
local function out(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end
local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    out('ok - ' .. name)
  else
    failed = failed + 1
    out('not ok - ' .. name .. (detail and (': ' .. detail) or ''))
  end
  return ok
end
local function fatal(message)
  error({ fatal = message }, 0)
end

local function env(name)
  local value = os.getenv(name)
  if not value or value == '' then
    fatal(name .. ' is not set')
  end
  return value
end

local function buffer_lines(bufnr)
  return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end

local function lines_equal_except(before, after, skip)
  if #before ~= #after then
    return false, ('line count %d -> %d'):format(#before, #after)
  end
  for i = 1, #before do
    if i ~= skip and before[i] ~= after[i] then
      return false, ('line %d changed: %s'):format(i, after[i])
    end
  end
  return true
end

-- The raw LSP notifications, kept beside Neovim's own conversion so that the UTF-16 columns the
-- server sends can be checked independently of how Neovim turns them into byte columns.
local published = {}
local publish_count = 0
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result then
    published[result.uri] = result.diagnostics
    publish_count = publish_count + 1
  end
  return default_publish(err, result, ctx, config)
end

local function wait_for(timeout_ms, predicate)
  return vim.wait(timeout_ms, predicate, 20)
end

local function code_of(diagnostic)
  if diagnostic.code ~= nil then
    return diagnostic.code
  end
  local lsp = diagnostic.user_data and diagnostic.user_data.lsp
  return lsp and lsp.code
end

local function jiaodui_client(bufnr)
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'jiaodui' then
      return client
    end
  end
end

local function code_actions(client, bufnr, range, diagnostics, only)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = range,
    context = { diagnostics = diagnostics, only = only },
  }
  local response, err = client.request_sync('textDocument/codeAction', params, 10000, bufnr)
  if not response then
    return nil, 'no response: ' .. tostring(err)
  end
  if response.err then
    return nil, vim.inspect(response.err)
  end
  return response.result or {}
end

-- Applies a code action the way Neovim's own handler does: its edit, or the resolved edit when the
-- server defers it to codeAction/resolve.
local function apply_action(client, action)
  if not action.edit and not action.command and action.data ~= nil then
    local resolved = client.request_sync('codeAction/resolve', action, 10000)
    action = (resolved and resolved.result) or action
  end
  if action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  end
  if action.command then
    local command = type(action.command) == 'table' and action.command or action
    client.request_sync('workspace/executeCommand', command, 10000)
  end
  return action.edit ~= nil or action.command ~= nil
end

local function quick_fix_for(client, bufnr, diagnostic)
  local actions, err = code_actions(client, bufnr, diagnostic.range, { diagnostic }, { 'quickfix' })
  if not actions then
    return nil, err
  end
  local fallback
  for _, action in ipairs(actions) do
    if action.kind == nil or action.kind == 'quickfix' or vim.startswith(action.kind, 'quickfix.') then
      if action.isPreferred then
        return action
      end
      fallback = fallback or action
    end
  end
  return fallback, ('no quick fix among %d actions'):format(#actions)
end

-- Waits until the server has published diagnostics for the buffer's current text.
local function wait_for_fresh_diagnostics(uri, after_count, timeout_ms)
  return wait_for(timeout_ms, function()
    return publish_count > after_count and published[uri] ~= nil
  end)
end

local function main()
  local draft = env('JIAODUI_E2E_DRAFT')
  local rule_ids = {}
  for id in env('JIAODUI_E2E_RULES'):gmatch('[^,]+') do
    rule_ids[id] = true
  end

  vim.cmd('filetype on')
  dofile(env('JIAODUI_E2E_CONFIG'))
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)

  check('the draft opens as the newsdraft filetype', vim.bo[bufnr].filetype == 'newsdraft', vim.bo[bufnr].filetype)

  local client
  wait_for(10000, function()
    client = jiaodui_client(bufnr)
    return client ~= nil and client.initialized ~= false and client.server_capabilities ~= nil
  end)
  if not check('the configuration attaches the jiaodui client', client ~= nil) then
    fatal('no jiaodui client attached')
  end
  check('positions are negotiated in UTF-16', client.offset_encoding == 'utf-16', client.offset_encoding)

  local started = vim.loop.hrtime()
  wait_for(30000, function()
    return published[uri] ~= nil and #published[uri] > 0
  end)
  local raw = published[uri] or {}
  if not check('diagnostics arrive for the opened draft', #raw > 0, 'none within 30 s') then
    fatal('no diagnostics')
  end
  out(('# %d diagnostics, first publication after %d ms'):format(#raw, (vim.loop.hrtime() - started) / 1e6))

  local shown = vim.diagnostic.get(bufnr)
  local bad
  for _, d in ipairs(shown) do
    if d.source ~= 'jiaodui' or not rule_ids[code_of(d) or ''] then
      bad = ('%s/%s at %d:%d'):format(tostring(d.source), tostring(code_of(d)), d.lnum + 1, d.col)
      break
    end
  end
  check('every diagnostic Neovim shows has source jiaodui and a registered rule id', #shown == #raw and not bad,
    bad or ('shown %d of %d'):format(#shown, #raw))
  local described = true
  for _, d in ipairs(raw) do
    described = described and type(d.codeDescription) == 'table' and type(d.codeDescription.href) == 'string'
  end
  check('every diagnostic links its rule documentation (codeDescription)', described)

  -- The line with 𠮷𠮷 (two surrogate pairs) before a half-width comma and 卫生卫生.
  local lines = buffer_lines(bufnr)
  local row
  for i, line in ipairs(lines) do
    if line:find('𠮷', 1, true) then
      row = i
      break
    end
  end
  if not row then
    fatal('the draft has no line with 𠮷')
  end
  local line = lines[row]
  local comma_byte = line:find(',', 1, true) - 1
  local _, comma_utf16 = vim.str_utfindex(line, comma_byte)
  local duplicate_byte = line:find('卫生卫生', 1, true) - 1
  local _, duplicate_utf16 = vim.str_utfindex(line, duplicate_byte)

  local function raw_on_row(code)
    for _, d in ipairs(published[uri] or {}) do
      if d.range.start.line == row - 1 and d.code == code then
        return d
      end
    end
  end

  local comma = raw_on_row('punctuation-width')
  check('the half-width comma after 𠮷𠮷 is flagged by punctuation-width', comma ~= nil)
  if comma then
    check('its UTF-16 range covers exactly the comma (character ' .. comma_utf16 .. ')',
      comma.range.start.character == comma_utf16 and comma.range['end'].character == comma_utf16 + 1,
      vim.inspect(comma.range))
    local converted
    for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = row - 1 })) do
      if code_of(d) == 'punctuation-width' then
        converted = d
      end
    end
    check('Neovim maps it onto the comma byte', converted ~= nil and line:sub(converted.col + 1, converted.end_col) == ',',
      converted and line:sub(converted.col + 1, converted.end_col))
  end

  local duplicate = raw_on_row('duplicate-word')
  check('卫生卫生 after 𠮷𠮷 is flagged by duplicate-word', duplicate ~= nil)
  if duplicate then
    local s, e = duplicate.range.start.character, duplicate.range['end'].character
    check('its UTF-16 range lies on 卫生卫生', s >= duplicate_utf16 and e <= duplicate_utf16 + 4 and e > s,
      ('%d..%d, 卫生卫生 at %d'):format(s, e, duplicate_utf16))
  end

  -- Quick fix on the comma: only that character changes.
  if comma then
    local before = buffer_lines(bufnr)
    local count = publish_count
    local action, err = quick_fix_for(client, bufnr, comma)
    if check('a quick fix is offered for the comma', action ~= nil, err) then
      apply_action(client, action)
      local after = buffer_lines(bufnr)
      local expected = line:sub(1, comma_byte) .. '，' .. line:sub(comma_byte + 2)
      check('applying it writes the full-width comma and nothing else', after[row] == expected, after[row])
      check('the other lines are untouched', lines_equal_except(before, after, row))
      wait_for_fresh_diagnostics(uri, count, 10000)
      check('the comma finding disappears after the edit', wait_for(10000, function()
        return raw_on_row('punctuation-width') == nil
      end))
    end
  end

  -- Quick fix on 卫生卫生, located again in the diagnostics published for the edited text.
  duplicate = raw_on_row('duplicate-word')
  if duplicate then
    local before = buffer_lines(bufnr)
    local count = publish_count
    local action, err = quick_fix_for(client, bufnr, duplicate)
    if check('a quick fix is offered for 卫生卫生', action ~= nil, err) then
      apply_action(client, action)
      local after = buffer_lines(bufnr)
      check('applying it leaves 医疗卫生强基工程 and keeps 𠮷𠮷',
        after[row]:find('医疗卫生强基工程', 1, true) ~= nil and after[row]:find('卫生卫生', 1, true) == nil
          and after[row]:find('𠮷𠮷', 1, true) ~= nil, after[row])
      check('the other lines are untouched after the second fix', lines_equal_except(before, after, row))
      wait_for_fresh_diagnostics(uri, count, 10000)
      check('the duplicate finding disappears after the edit', wait_for(10000, function()
        return raw_on_row('duplicate-word') == nil
      end))
    end
  end

  -- source.fixAll.jiaodui: the editor's fix-all must agree with the CLI's --fix on the same text.
  local before_text = table.concat(buffer_lines(bufnr), '\n') .. '\n'
  local before_count = #(published[uri] or {})
  local copy = vim.fn.tempname() .. '.draft'
  vim.fn.writefile(vim.split(before_text, '\n', { plain = true }), copy, 'b')
  vim.fn.system({ 'jiaodui', 'lint', '--fix', copy })
  local cli_fixed = table.concat(vim.fn.readfile(copy, 'b'), '\n')
  local last = vim.api.nvim_buf_line_count(bufnr)
  local whole = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = 0 } }
  local count = publish_count
  local actions, err = code_actions(client, bufnr, whole, {}, { 'source.fixAll.jiaodui' })
  local fix_all
  for _, action in ipairs(actions or {}) do
    if action.kind == 'source.fixAll.jiaodui' then
      fix_all = action
    end
  end
  if check('source.fixAll.jiaodui is offered', fix_all ~= nil, err or vim.inspect(actions)) then
    apply_action(client, fix_all)
    local after_text = table.concat(buffer_lines(bufnr), '\n') .. '\n'
    check('fix-all changes the draft', after_text ~= before_text)
    check('fix-all gives the same text as `jiaodui lint --fix`', after_text == cli_fixed,
      'differs from the CLI (' .. copy .. ')')
    wait_for_fresh_diagnostics(uri, count, 10000)
    check('fewer findings remain after fix-all', wait_for(10000, function()
      return #(published[uri] or {}) < before_count
    end), ('%d before, %d after'):format(before_count, #(published[uri] or {})))
  end

  vim.lsp.stop_client(client.id)
  check('the server shuts down when the client stops', wait_for(5000, function()
    return client.is_stopped()
  end))
end

local ok, err = xpcall(main, function(e)
  if type(e) == 'table' and e.fatal then
    return e.fatal
  end
  return debug.traceback(tostring(e), 2)
end)
if not ok then
  failed = failed + 1
  out('not ok - aborted: ' .. tostring(err))
end
out(('neovim: %d passed, %d failed'):format(passed, failed))
if failed > 0 then
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
