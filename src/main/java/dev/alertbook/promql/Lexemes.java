package dev.alertbook.promql;

import java.util.ArrayList;
import java.util.List;

/**
 * Classifies the tokens of a query for highlighting. The lexer knows only "identifier"; whether
 * one is a metric, a label or a function follows from what surrounds it, as in the grammar: a
 * name before {@code (} is a function, names inside braces or grouping parentheses are labels.
 */
public final class Lexemes {

    private Lexemes() {
    }

    public static List<Lexeme> of(String query) {
        List<Token> tokens = new ArrayList<>();
        Lexer lexer = new Lexer(query);
        for (Token token = lexer.next(); token.type() != TokenType.EOF; token = lexer.next()) {
            tokens.add(token);
            if (token.type() == TokenType.ERROR) {
                break;
            }
        }
        List<Lexeme> lexemes = new ArrayList<>();
        int previousEnd = 0;
        boolean inBraces = false;
        int groupingDepth = -1;
        int parens = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            comments(query, previousEnd, token.pos(), lexemes);
            if (token.type() == TokenType.ERROR) {
                lexemes.add(new Lexeme(Lexeme.Kind.ERROR, token.pos(), query.length()));
                return lexemes;
            }
            int end = token.pos() + token.text().length();
            TokenType next = i + 1 < tokens.size() ? tokens.get(i + 1).type() : TokenType.EOF;
            switch (token.type()) {
                case LEFT_BRACE -> inBraces = true;
                case RIGHT_BRACE -> inBraces = false;
                case LEFT_PAREN -> parens++;
                case RIGHT_PAREN -> {
                    if (parens-- == groupingDepth) {
                        groupingDepth = -1;
                    }
                }
                case BY, WITHOUT, ON, IGNORING, GROUP_LEFT, GROUP_RIGHT -> {
                    if (next == TokenType.LEFT_PAREN) {
                        groupingDepth = parens + 1;
                    }
                }
                default -> {
                }
            }
            boolean label = inBraces || groupingDepth == parens && groupingDepth > 0;
            lexemes.add(new Lexeme(kind(token.type(), next, label), token.pos(), end));
            previousEnd = end;
        }
        comments(query, previousEnd, query.length(), lexemes);
        return lexemes;
    }

    private static Lexeme.Kind kind(TokenType type, TokenType next, boolean label) {
        return switch (type) {
            case IDENTIFIER, METRIC_IDENTIFIER -> label ? Lexeme.Kind.LABEL
                    : next == TokenType.LEFT_PAREN ? Lexeme.Kind.FUNCTION : Lexeme.Kind.METRIC;
            case NUMBER -> Lexeme.Kind.NUMBER;
            case DURATION -> Lexeme.Kind.DURATION;
            case STRING -> Lexeme.Kind.STRING;
            default -> switch (type.group) {
                case AGGREGATOR -> label ? Lexeme.Kind.LABEL : Lexeme.Kind.AGGREGATION;
                case KEYWORD -> label ? Lexeme.Kind.LABEL : Lexeme.Kind.KEYWORD;
                case PREPROCESSOR -> label ? Lexeme.Kind.LABEL
                        : next == TokenType.LEFT_PAREN ? Lexeme.Kind.FUNCTION : Lexeme.Kind.KEYWORD;
                case OPERATOR -> type.text.chars().allMatch(Character::isLetter) && label ? Lexeme.Kind.LABEL
                        : type.text.chars().allMatch(Character::isLetter) ? Lexeme.Kind.KEYWORD : Lexeme.Kind.OPERATOR;
                default -> Lexeme.Kind.PUNCTUATION;
            };
        };
    }

    /** Comments are skipped by the lexer; they live in the gaps between tokens. */
    private static void comments(String query, int from, int to, List<Lexeme> lexemes) {
        int at = query.indexOf('#', from);
        while (at >= 0 && at < to) {
            int lineEnd = query.indexOf('\n', at);
            int end = lineEnd < 0 || lineEnd > to ? to : lineEnd;
            lexemes.add(new Lexeme(Lexeme.Kind.COMMENT, at, end));
            at = query.indexOf('#', end);
        }
    }
}
