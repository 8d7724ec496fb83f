-- jiaodui in Neovim 0.7 or later: drafts (*.draft, *.gao), plain text and Markdown are linted by
-- `jiaodui lsp`, which must be on PATH (npm install -g jiaodui, or a link to the repo's dist/cli.js).
vim.cmd([[autocmd BufNewFile,BufRead *.draft,*.gao setfiletype newsdraft]])

local function jiaodui_config()
  return {
    name = 'jiaodui',
    cmd = { 'jiaodui', 'lsp' },
    root_dir = vim.fn.getcwd(),
    -- Send the language ids VS Code uses, so the server treats every editor alike.
    get_language_id = function(_, filetype)
      return filetype == 'text' and 'plaintext' or filetype
    end,
  }
end

local jiaodui_client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'newsdraft', 'text', 'markdown' },
  callback = function(args)
    if vim.lsp.start then -- Neovim 0.8+: starts the server once and reuses it
      vim.lsp.start(jiaodui_config(), { bufnr = args.buf })
    else
      jiaodui_client_id = jiaodui_client_id or vim.lsp.start_client(jiaodui_config())
      vim.lsp.buf_attach_client(args.buf, jiaodui_client_id)
    end
  end,
})
