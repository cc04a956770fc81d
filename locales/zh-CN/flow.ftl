# Words and messages every guided conversation (/find, "我符合条件吗?", /subscribe) shares.
# Typed words that cancel or go back one step (separated by |; compared without spaces and case; a
# leading ⬅️ or ✖️ counts too). English words are understood in both languages.
flow-cancel-words = 取消|算了|退出|不问了|不订了|不用了|✖|✖️
flow-back-words = 返回|上一步|后退|退回|回到上一步|⬅|⬅️
flow-left = 已退出刚才的问答，回答没有保存。
flow-cancelled = 好的，已取消，回答没有保存。
flow-back-button = ⬅️ 上一步
