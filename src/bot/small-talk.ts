/**
 * Chat conventions that are not questions: a greeting ("在吗", "hello"), thanks, goodbye, "ok", or asking for
 * a person. Members open and close a chat this way; searching the newspaper for "在吗" would answer "nothing
 * found" and put the greeting into the staff's gap report. Only a message made of these phrases alone counts:
 * "你好，余杭哪里能热饭" is a question and goes to the search.
 */
export type SmallTalk = "greeting" | "thanks" | "goodbye" | "ack" | "person";

/** Longest phrases first within each kind; matched against the message without spaces, punctuation and emoji. */
const PHRASES: Record<SmallTalk, string[]> = {
  person: ["转人工客服", "找人工客服", "人工客服", "转人工", "找人工", "人工服务", "真人客服", "客服", "有真人吗", "是真人吗", "你是机器人吗", "机器人吗", "human", "agent", "realperson", "talktoaperson", "areyouabot", "areyouarobot"],
  thanks: ["非常感谢", "太感谢了", "谢谢你们", "谢谢您", "谢谢你", "谢谢了", "谢谢", "多谢", "感谢", "辛苦了", "thankyouverymuch", "thankyou", "thanks", "thank", "thx", "ty"],
  goodbye: ["再见了", "再见", "拜拜", "88", "goodbye", "byebye", "bye", "seeyou"],
  greeting: ["在不在", "有人吗", "有人在吗", "在吗", "您好", "你好", "哈喽", "嗨", "早上好", "上午好", "中午好", "下午好", "晚上好", "早安", "晚安", "娘家", "hello", "hey", "hi", "goodmorning", "goodafternoon", "goodevening"],
  ack: ["好的", "好滴", "好嘞", "好吧", "好", "嗯嗯", "嗯", "哦哦", "哦", "行", "知道了", "明白了", "收到", "ok", "okay", "okey", "fine", "gotit", "alright"],
};

/** Which kind wins when a message holds several ("谢谢 再见" is a goodbye; "你好 转人工" asks for a person). */
const PRIORITY: SmallTalk[] = ["person", "goodbye", "thanks", "greeting", "ack"];

/**
 * Particles and filler words around the phrases ("谢谢啦", "好的呀", "我要转人工", "can I talk to a human");
 * a message of fillers alone is not small talk.
 */
const FILLER = /^(?:啊|呀|哈|啦|呢|吧|哟|哦|嘛|亲|哈哈|呵呵|我要|我想|帮我|给我|请|please|pls|there|everyone|all|a|an|lot|lots|so|much|very|you|u|can|could|i|want|wanna|to|talk|speak|with)/;

const ordered = (Object.keys(PHRASES) as SmallTalk[]).flatMap((kind) => PHRASES[kind].map((phrase) => ({ kind, phrase })))
  .sort((a, b) => b.phrase.length - a.phrase.length);

/** The kind of small talk a whole message is, or undefined when any part of it is something else. */
export function smallTalkKind(text: string): SmallTalk | undefined {
  // Letters and CJK only: punctuation, spaces, emoji and "~" carry no meaning here.
  let rest = text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  if (rest === "" || rest.length > 24) return undefined;
  const found = new Set<SmallTalk>();
  while (rest !== "") {
    const hit = ordered.find(({ phrase }) => rest.startsWith(phrase));
    if (hit) {
      found.add(hit.kind);
      rest = rest.slice(hit.phrase.length);
      continue;
    }
    const filler = FILLER.exec(rest);
    if (!filler) return undefined;
    rest = rest.slice(filler[0].length);
  }
  return PRIORITY.find((kind) => found.has(kind)); // undefined when only fillers were read
}
