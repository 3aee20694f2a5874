package org.mwalimu.content;

import java.util.Optional;

/**
 * Guidance for one e-service question (an intent): a short title for "did you mean", the answer
 * text with country placeholders, and optionally a course that teaches the skill.
 */
public record Answer(String intent, LocalizedText title, LocalizedText text, Optional<String> course) {
}
