package org.mwalimu.channel;

/**
 * A citizen's message as a provider delivered it.
 *
 * @param channel   channel name, e.g. "twilio", "twilio-whatsapp", "whatsapp", "at-sms", "telegram"
 * @param address   the citizen: an E.164 phone number, or "tg:&lt;chat id&gt;" on Telegram
 * @param messageId the provider's id of this message (MessageSid, wamid, AT id, update_id), for de-duplication
 * @param text      what the citizen wrote, or the id of the button or list row they chose; "" when unreadable
 * @param readable  false for media the bot cannot read (image, voice, location, sticker...)
 */
public record InboundMessage(String channel, String address, String messageId, String text, boolean readable) {
}
