package dev.diorama.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenTest {
    private static List<String> norms(String s) {
        return Token.split(s).stream().map(Token::norm).toList();
    }

    @Test
    void punctuationAndCaseGoButNumbersKeepTheirPointsAndColons() {
        assertEquals(List.of("a", "red", "ball", "0.3", "m", "at", "6:30", "pm"), norms("A red ball, 0.3 m... at 6:30 PM!"));
        assertEquals(0.3, Token.split("0.3").getFirst().number());
        assertEquals(6 * 60 + 30, Token.split("6:30").getFirst().clock());
    }

    @Test
    void numbersGluedToWordsAreSplit() {
        assertEquals(List.of("30", "cm"), norms("30cm"));
        assertEquals(List.of("7", "pm"), norms("7pm"));
        assertEquals(List.of("8", "second"), norms("8-second"));
        assertEquals(List.of("6:30", "pm"), norms("6:30pm"));
    }

    @Test
    void signsApostrophesAndAmPmDotsAreRead() {
        assertEquals(-3.0, Token.split("-3 balls").getFirst().number());
        assertEquals(List.of("7", "oclock"), norms("7 o'clock"));
        assertEquals(List.of("6", "am"), norms("6 a.m."));
        assertEquals(1000.0, Token.split("1,000").getFirst().number());
        assertEquals(0.3, Token.split("0,3").getFirst().number());
    }

    @Test
    void theWordAsWrittenIsKeptForMessages() {
        Token t = Token.split("Ruber").getFirst();
        assertEquals("Ruber", t.text());
        assertEquals("ruber", t.norm());
        assertTrue(Token.split("   ").isEmpty());
    }

    @Test
    void suggestionsAreCloseAndNeverForShortWords() {
        assertEquals(List.of("rubber"), Suggestions.near("ruber"));
        assertEquals(List.of("cylinder"), Suggestions.near("cilindre"));
        assertEquals(List.of(), Suggestions.near("zorblax"));
        assertEquals(List.of(), Suggestions.near("xy"));
        assertEquals(1, Suggestions.distance("ab", "ba"));
    }
}
