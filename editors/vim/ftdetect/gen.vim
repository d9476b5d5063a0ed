" Gen scripts: *.gen (Neovim 0.7 has no filetype for them; 0.8+ may also use vim.filetype.add).
autocmd BufRead,BufNewFile *.gen setfiletype gen
