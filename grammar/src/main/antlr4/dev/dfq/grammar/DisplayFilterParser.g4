/*
 * Wireshark 4.6 display-filter grammar (the rules of 4.6's grammar.lemon, action-free).
 * Precedence, lowest first: or < xor < and < not < comparisons < & < + - < * / % < unary.
 * Parentheses group logical expressions only; braces group arithmetic.
 */
parser grammar DisplayFilterParser;

options { tokenVocab = DisplayFilterLexer; }

sentence : expr? EOF ;

expr
    : LPAREN expr RPAREN             # parenExpr
    | TEST_NOT expr                  # notExpr
    | left=expr TEST_AND right=expr  # andExpr
    | left=expr TEST_XOR right=expr  # xorExpr
    | left=expr TEST_OR right=expr   # orExpr
    | relation                       # relationExpr
    | arith                          # arithExpr
    ;

relation : quantifier=(ANY | ALL)? relationTest ;

relationTest
    : arith (cmpOp arith)+                         # comparisonTest
    | left=entity TEST_CONTAINS right=entity       # containsTest
    | left=entity TEST_MATCHES right=entity        # matchesTest
    | left=entity TEST_IN set                      # inTest
    | left=entity TEST_NOT TEST_IN set             # notInTest
    ;

cmpOp : TEST_ANY_EQ | TEST_ALL_NE | TEST_ALL_EQ | TEST_ANY_NE | TEST_GT | TEST_GE | TEST_LT | TEST_LE ;

arith
    : op=(PLUS | MINUS) arith                               # unaryArith
    | left=arith op=(STAR | RSLASH | PERCENT) right=arith   # mulArith
    | left=arith op=(PLUS | MINUS) right=arith              # addArith
    | left=arith op=BITWISE_AND right=arith                 # bitAndArith
    | LBRACE arith RBRACE                                   # braceArith
    | entity                                                # entityArith
    ;

entity
    : entity LBRACKET rangeList RBRACKET   # sliceEntity
    | atom                                 # atomEntity
    | function                             # functionEntity
    | rawableField                         # fieldEntity
    | reference                            # referenceEntity
    ;

atom : STRING | CHARCONST | LITERAL | NUMBER ;

field : FIELD | IDENTIFIER | UNPARSED ;

layeredField : field ( HASH ( INDEX | LBRACKET rangeList RBRACKET ) )? ;

rawableField : ATSIGN? layeredField ;

reference
    : DOLLAR LBRACE rawableField RBRACE
    | DOLLAR rawableField
    ;

function : IDENTIFIER LPAREN ( arith ( COMMA arith )* )? RPAREN ;

set : LBRACE setElement ( COMMA setElement )* RBRACE ;

setElement : low=arith ( DOTDOT high=arith )? ;

rangeList : RANGE_NODE ( RANGE_COMMA RANGE_NODE )* ;
