/**
 * Help-finding and eligibility checks in the chat: /find, the 我能申请什么 menu button, and the
 * "我符合条件吗?" button (`elig:<programmeId>`, see checkCallbackData) for one programme.
 */
import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext, ConversationContext } from "../context.js";
import type { Feature } from "../feature.js";
import { MENU } from "../menu.js";
import { FIND_CONVERSATION, findConversation } from "../conversations/find.js";
import { FIND_CHECK_CONVERSATION, findCheckConversation } from "../conversations/find-check.js";
import { CHECK_CALLBACK_PREFIX } from "../conversations/find-shared.js";

export const findFeature: Feature = {
  name: "find",
  commands: [{ command: "find", descriptionKey: "find-command" }],
  composer() {
    const composer = new Composer<BotContext>();
    const privateChat = composer.chatType("private");
    privateChat.use(createConversation<BotContext, ConversationContext>(findConversation, FIND_CONVERSATION));
    privateChat.use(createConversation<BotContext, ConversationContext>(findCheckConversation, FIND_CHECK_CONVERSATION));

    const start = async (ctx: BotContext) => {
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(FIND_CONVERSATION);
    };
    privateChat.command("find", start);
    privateChat.hears(/^\s*(我能申请什么|我可以申请什么|能申请什么)[??]?\s*$/, start);
    privateChat.callbackQuery(MENU.find, async (ctx) => {
      await ctx.answerCallbackQuery();
      await start(ctx);
    });
    privateChat.callbackQuery(new RegExp(`^${CHECK_CALLBACK_PREFIX}([a-z0-9-]+)(?:@([a-z0-9-]+))?(?:~([A-Za-z0-9._]+))?$`), async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(FIND_CHECK_CONVERSATION, ctx.match[1], ctx.match[2], ctx.match[3]);
    });
    return composer;
  },
};
