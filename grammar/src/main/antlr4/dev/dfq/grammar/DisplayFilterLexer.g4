/*
 * Wireshark 4.6 display-filter lexer. Like Wireshark's flex scanner: the longest match wins and, on
 * a tie, the rule written first (keywords before words, numbers before other words). Words are
 * classified as 4.6 does, which the checker relies on:
 *   NUMBER      integers (decimal, 0 octal, 0x hex, 0b binary) and floats (1.5, 1e-3, 0x1p-3)
 *   IDENTIFIER  starts with a letter or '_': a field name if registered, else a literal
 *   UNPARSED    any other bare word: addresses, byte strings, words starting with a digit
 *   LITERAL     ':' then a word: always a literal, the colon dropped
 *   FIELD       '.' then a word: always a field name, the dot dropped
 * Hyphens are word characters (frame.number-1 is one word); subtraction needs a space.
 */
lexer grammar DisplayFilterLexer;

WS : [ \t\n\r]+ -> skip ;

LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
COMMA    : ',' ;
DOTDOT   : '..' ;
ATSIGN   : '@' ;
DOLLAR   : '$' ;
HASH     : '#' -> pushMode(LAYER) ;
LBRACKET : '[' -> pushMode(RANGE) ;

TEST_ALL_EQ   : '===' | 'all_eq' ;
TEST_ANY_NE   : '!==' | 'any_ne' ;
TEST_ANY_EQ   : '==' | 'eq' | 'any_eq' ;
TEST_ALL_NE   : '!=' | 'ne' | 'all_ne' ;
TEST_GE       : '>=' | 'ge' ;
TEST_LE       : '<=' | 'le' ;
TEST_GT       : '>' | 'gt' ;
TEST_LT       : '<' | 'lt' ;
TEST_CONTAINS : 'contains' ;
TEST_MATCHES  : 'matches' | '~' ;
TEST_AND      : '&&' | 'and' ;
TEST_OR       : '||' | 'or' ;
TEST_XOR      : '^^' | 'xor' ;
TEST_NOT      : '!' | 'not' ;
TEST_IN       : 'in' ;
ANY           : 'any' ;
ALL           : 'all' ;
BITWISE_AND   : '&' | 'bitand' | 'bitwise_and' ;
PLUS          : '+' ;
MINUS         : '-' ;
STAR          : '*' ;
RSLASH        : '/' ;
PERCENT       : '%' ;

STRING              : [rR]? '"' ( '\\' . | ~["\\] )* '"' ;
UNTERMINATED_STRING : [rR]? '"' ( '\\' . | ~["\\] )* '\\'? ;
CHARCONST           : '\'' ( '\\' . | ~['\\] )* '\'' ;
UNTERMINATED_CHAR   : '\'' ( '\\' . | ~['\\] )* '\\'? ;

NUMBER
    : '0' [xX] HEX+
    | '0' [bB] [01]+
    | DEC
    | DEC '.' DEC EXPONENT?
    | DEC EXPONENT
    | '0' [xX] HEX* ( '.' HEX* )? [pP] [+-]? DEC
    ;

IDENTIFIER : [A-Za-z_] WCH* ( '.' WCH+ )* ;

LITERAL : ':' [A-Za-z0-9_\-.:/]+ ;

FIELD : '.' WCH+ ( '.' WCH+ )* ;

UNPARSED
    : [0-9] WCH* ( '.' WCH+ )*
    | DEC '.' DEC '.' DEC '.' DEC '/' WCH*
    | WCH+ ( ':' WCH* )+ ( DEC '.' DEC '.' DEC '.' DEC )? ( '/' DEC )?
    ;

NONPRINTABLE : [\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f] ;

/** Anything else: the parser reports it as unexpected, so the lexer itself never fails. */
UNEXPECTED_CHAR : . ;

fragment DEC      : [0-9]+ ;
fragment HEX      : [0-9A-Fa-f] ;
fragment EXPONENT : [eE] [+-]? DEC ;
fragment WCH      : [A-Za-z0-9_\-] ;

/** After '#': a layer number, or '[' for a list of layer ranges. */
mode LAYER;
INDEX          : [0-9]+ -> popMode ;
LAYER_LBRACKET : '[' -> type(LBRACKET), mode(RANGE) ;
LAYER_BAD      : . -> popMode ;

/** Inside '[...]': raw range texts separated by commas (Wireshark's RANGE state). */
mode RANGE;
RANGE_NODE  : ~[\],]+ ;
RANGE_COMMA : ',' ;
RBRACKET    : ']' -> popMode ;
