"""fzcheck: checks 法治政府建设年度报告 drafts against the national standard."""

__version__ = "0.1.0"
