# Words and messages every guided conversation (/find, "Do I qualify?", /subscribe) shares.
# Typed words that cancel or go back one step (separated by |; compared without spaces and case; a
# leading ⬅️ or ✖️ counts too). Chinese words are understood in both languages.
flow-cancel-words = cancel|quit|stop|exit|never mind|✖|✖️
flow-back-words = back|go back|previous|undo|⬅|⬅️
flow-left = Left the questions; your answers were not kept.
flow-cancelled = OK, cancelled; your answers were not kept.
flow-back-button = ⬅️ Back
