// Placeholder: the bot issue replaces this with the real entry point (polling, webhook or console chat).
console.error("niangjia: the bot is not wired yet; try `npm run --silent cli -- --help`.");
process.exitCode = 1;
