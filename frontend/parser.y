// frontend/parser.y: the MP grammar (Go's, plus `where` guards), Bison
// LALR(1) C++ skeleton, generated at build time.  Actions are one line that
// calls the ASTBuilder.  `%expect 0`: the only conflicts are the binary
// operator ones, settled by the precedence declarations below.  Go's
// composite-literal ambiguity in if/for/switch headers is resolved by the
// `_nb` ("no brace") copies of the expression rules used in headers.
%require "3.8"
%language "c++"
%skeleton "lalr1.cc"
%define api.namespace {mp::yy}
%define api.parser.class {Parser}
%define api.value.type variant
%define api.location.type {mp::SourceRange}
%define api.token.prefix {TOK_}
%define parse.error custom
%define parse.lac full
%locations
%expect 0
%parse-param {mp::ParseState &ps}
%lex-param {mp::ParseState &ps}

%code requires {
#include <vector>
#include "builder.h"
namespace mp { struct ParseState; }
}

%code {
#include "parse_state.h"
#define B (ps.builder)
using TK = mp::TokenKind;
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                            \
  do {                                                                         \
    if (N) {                                                                   \
      (Cur).begin = YYRHSLOC(Rhs, 1).begin;                                    \
      (Cur).end = YYRHSLOC(Rhs, N).end;                                        \
    } else {                                                                   \
      (Cur).begin = (Cur).end = YYRHSLOC(Rhs, 0).end;                          \
    }                                                                          \
  } while (0)
namespace mp::yy {
int yylex(Parser::value_type *value, Parser::location_type *loc, ParseState &ps);
template <class T> std::vector<T> prepend(T x, std::vector<T> xs) {
  xs.insert(xs.begin(), x);
  return xs;
}
template <class T> std::vector<T> append(std::vector<T> xs, T x) {
  xs.push_back(x);
  return xs;
}
} // namespace mp::yy
}

%token <mp::Token> Eof 0 "end of file"
%token <mp::Token> Illegal Ident Int Float Imag Rune String
%token <mp::Token> Add "+" Sub "-" Mul "*" Quo "/" Rem "%" And "&" Or "|" Xor "^"
%token <mp::Token> Shl "<<" Shr ">>" AndNot "&^"
%token <mp::Token> AddAssign "+=" SubAssign "-=" MulAssign "*=" QuoAssign "/="
%token <mp::Token> RemAssign "%=" AndAssign "&=" OrAssign "|=" XorAssign "^="
%token <mp::Token> ShlAssign "<<=" ShrAssign ">>=" AndNotAssign "&^="
%token <mp::Token> LAnd "&&" LOr "||" Arrow "<-" Inc "++" Dec "--"
%token <mp::Token> Eql "==" Lss "<" Gtr ">" Assign "=" Not "!" Tilde "~"
%token <mp::Token> Neq "!=" Leq "<=" Geq ">=" Define ":=" Ellipsis "..."
%token <mp::Token> LParen "(" LBrack "[" LBrace "{" Comma "," Period "."
%token <mp::Token> RParen ")" RBrack "]" RBrace "}" Semicolon ";" Colon ":"
%token <mp::Token> KwBreak "break" KwCase "case" KwChan "chan" KwConst "const"
%token <mp::Token> KwContinue "continue" KwDefault "default" KwDefer "defer"
%token <mp::Token> KwElse "else" KwFallthrough "fallthrough" KwFor "for"
%token <mp::Token> KwFunc "func" KwGo "go" KwGoto "goto" KwIf "if"
%token <mp::Token> KwImport "import" KwInterface "interface" KwMap "map"
%token <mp::Token> KwPackage "package" KwRange "range" KwReturn "return"
%token <mp::Token> KwSelect "select" KwStruct "struct" KwSwitch "switch"
%token <mp::Token> KwType "type" KwVar "var" KwWhere "where"

// A type is as long as possible: `chan pkg.T`, `[]List[int]`, `func() (int)`
// and `func() *T` extend the type rather than end it (Go's rule).  These are
// the only conflicts of the grammar; each rule marked %prec Shorter loses to
// a shift of the tokens below.
%precedence Shorter
%precedence "." "[" "(" "<-"
%left "||"
%left "&&"
%left "==" "!=" "<" "<=" ">" ">="
%left "+" "-" "|" "^"
%left "*" "/" "%" "<<" ">>" "&" "&^"

%type <mp::IdentExpr *> ident package_clause
%type <std::vector<mp::IdentExpr *>> ident_list
%type <mp::Expr *> expr uexpr pexpr operand expr_nb uexpr_nb pexpr_nb operand_nb
%type <mp::Expr *> basic_operand type_lit_operand opt_expr func_lit
%type <mp::Expr *> type nonparen_type type_na tname type_lit type_lit_na
%type <mp::Expr *> chan_type map_type struct_type interface_type elem elem_value
%type <mp::Expr *> opt_tag constraint cterm iface_term iface_union opt_guard
%type <mp::FuncTypeExpr *> func_type signature
%type <std::vector<mp::Expr *>> expr_list expr_list_nb elems elem_list
%type <mp::FieldList *> params opt_result
%type <std::vector<mp::RawParam>> param_list
%type <mp::RawParam> param
%type <std::vector<mp::Field *>> field_decls field_decl_list iface_elems iface_elem_list
%type <std::vector<mp::Field *>> tparam_list
%type <mp::Field *> field_decl iface_elem tparam_decl
%type <mp::Stmt *> stmt simple_stmt simple_stmt_nb opt_simple_nb block opt_body
%type <mp::Stmt *> if_stmt opt_else for_stmt switch_stmt select_stmt
%type <mp::Stmt *> case_clause comm_clause labeled_stmt
%type <std::vector<mp::Stmt *>> stmt_list case_clauses comm_clauses
%type <mp::HeaderParts> if_header for_header switch_header
%type <mp::Decl *> topdecl import_decl const_decl var_decl type_decl func_decl
%type <mp::Decl *> import_spec const_spec var_spec type_spec
%type <std::vector<mp::Decl *>> decls import_specs import_spec_list const_specs
%type <std::vector<mp::Decl *>> const_spec_list var_specs var_spec_list type_specs
%type <std::vector<mp::Decl *>> type_spec_list
%type <mp::TokenKind> assign_op

%start file

%%

// ------------------------------------------------------------ file

// source_file = [package_clause ";"] {top_level_decl ";"}
file:
    package_clause decls { ps.file = B.file(@$, ps.fileId, $1, std::move($2)); }
  ;

package_clause:
    %empty { $$ = nullptr; }
  | "package" ident ";" { $$ = $2; }
  ;

decls:
    %empty {}
  | decls topdecl ";" { $$ = append(std::move($1), $2); }
  ;

topdecl:
    import_decl
  | const_decl
  | var_decl
  | type_decl
  | func_decl
  | error { $$ = B.badDecl(@$); }
  ;

// ------------------------------------------------------------ declarations

// import_decl = "import" (import_spec | "(" {import_spec ";"} ")")
import_decl:
    "import" import_spec { $$ = B.genDecl(@$, TK::KwImport, {$2}, {}, {}); }
  | "import" "(" import_specs ")" { $$ = B.genDecl(@$, TK::KwImport, std::move($3), @2.begin, @4.begin); }
  ;

import_specs:
    %empty {}
  | import_spec_list { $$ = std::move($1); }
  | import_spec_list ";" { $$ = std::move($1); }
  ;

import_spec_list:
    import_spec { $$ = {$1}; }
  | import_spec_list ";" import_spec { $$ = append(std::move($1), $3); }
  ;

// import_spec = ["." | name] import_path
import_spec:
    String { $$ = B.importSpec(@$, nullptr, $1); }
  | ident String { $$ = B.importSpec(@$, $1, $2); }
  | "." String { $$ = B.importSpec(@$, B.ident($1), $2); }
  ;

// const_decl = "const" (const_spec | "(" {const_spec ";"} ")")
const_decl:
    "const" const_spec { $$ = B.genDecl(@$, TK::KwConst, {$2}, {}, {}); }
  | "const" "(" const_specs ")" { $$ = B.genDecl(@$, TK::KwConst, std::move($3), @2.begin, @4.begin); }
  ;

const_specs:
    %empty {}
  | const_spec_list { $$ = std::move($1); }
  | const_spec_list ";" { $$ = std::move($1); }
  ;

const_spec_list:
    const_spec { $$ = {$1}; }
  | const_spec_list ";" const_spec { $$ = append(std::move($1), $3); }
  ;

// const_spec = identifier_list [[type] "=" expression_list]
const_spec:
    ident_list { $$ = B.constSpec(@$, std::move($1), nullptr, {}); }
  | ident_list type { $$ = B.constSpec(@$, std::move($1), $2, {}); }
  | ident_list "=" expr_list { $$ = B.constSpec(@$, std::move($1), nullptr, std::move($3)); }
  | ident_list type "=" expr_list { $$ = B.constSpec(@$, std::move($1), $2, std::move($4)); }
  ;

// var_decl = "var" (var_spec | "(" {var_spec ";"} ")")
var_decl:
    "var" var_spec { $$ = B.genDecl(@$, TK::KwVar, {$2}, {}, {}); }
  | "var" "(" var_specs ")" { $$ = B.genDecl(@$, TK::KwVar, std::move($3), @2.begin, @4.begin); }
  ;

var_specs:
    %empty {}
  | var_spec_list { $$ = std::move($1); }
  | var_spec_list ";" { $$ = std::move($1); }
  ;

var_spec_list:
    var_spec { $$ = {$1}; }
  | var_spec_list ";" var_spec { $$ = append(std::move($1), $3); }
  ;

// var_spec = identifier_list (type ["=" expression_list] | "=" expression_list)
var_spec:
    ident_list type { $$ = B.varSpec(@$, std::move($1), $2, {}); }
  | ident_list type "=" expr_list { $$ = B.varSpec(@$, std::move($1), $2, std::move($4)); }
  | ident_list "=" expr_list { $$ = B.varSpec(@$, std::move($1), nullptr, std::move($3)); }
  ;

// type_decl = "type" (type_spec | "(" {type_spec ";"} ")")
type_decl:
    "type" type_spec { $$ = B.genDecl(@$, TK::KwType, {$2}, {}, {}); }
  | "type" "(" type_specs ")" { $$ = B.genDecl(@$, TK::KwType, std::move($3), @2.begin, @4.begin); }
  ;

type_specs:
    %empty {}
  | type_spec_list { $$ = std::move($1); }
  | type_spec_list ";" { $$ = std::move($1); }
  ;

type_spec_list:
    type_spec { $$ = {$1}; }
  | type_spec_list ";" type_spec { $$ = append(std::move($1), $3); }
  ;

// type_spec = identifier [type_parameters] type | identifier "=" type
type_spec:
    ident type { $$ = B.typeSpec(@$, $1, nullptr, false, $2); }
  | ident "=" type { $$ = B.typeSpec(@$, $1, nullptr, true, $3); }
  | ident "[" tparam_list opt_comma "]" type { $$ = B.typeSpec(@$, $1, B.typeParams(@2.begin, std::move($3), @5.begin), false, $6); }
  ;

// type_parameters = "[" identifier_list constraint {"," ...} "]" (generics:
// parsed so that sema can reject them)
tparam_list:
    tparam_decl { $$ = {$1}; }
  | tparam_list "," tparam_decl { $$ = append(std::move($1), $3); }
  ;

tparam_decl:
    ident_list constraint { $$ = B.field(@$, std::move($1), $2, nullptr); }
  ;

// constraint = term {"|" term}; the first token never continues an array
// length expression, so `type A [N]int` stays an array.
constraint:
    cterm
  | constraint "|" cterm { $$ = B.binary(TK::Or, $1, $3, @2.begin); }
  ;

cterm:
    tname
  | "~" type { $$ = B.unary(@$, TK::Tilde, $2); }
  | interface_type
  ;

// function_decl = "func" [receiver] name [type_parameters] signature [body]
func_decl:
    "func" ident signature opt_body { $$ = B.funcDecl(@$, nullptr, $2, nullptr, $3, $4); }
  | "func" ident "[" tparam_list opt_comma "]" signature opt_body { $$ = B.funcDecl(@$, nullptr, $2, B.typeParams(@3.begin, std::move($4), @6.begin), $7, $8); }
  | "func" params ident signature opt_body { $$ = B.funcDecl(@$, $2, $3, nullptr, $4, $5); }
  ;

opt_body:
    %empty { $$ = nullptr; }
  | block
  ;

// signature = parameters [result]; result = parameters | type
signature:
    params opt_result { $$ = B.funcType(@$, nullptr, $1, $2); }
  ;

opt_result:
    %empty %prec Shorter { $$ = nullptr; }
  | params
  | nonparen_type { $$ = B.resultType($1); }
  ;

// parameters = "(" [parameter_list [","]] ")"; entries are grouped by the
// builder (`a, b int`) because only the whole list tells names from types.
params:
    "(" ")" { $$ = B.params(@1.begin, {}, @2.begin); }
  | "(" param_list opt_comma ")" { $$ = B.params(@1.begin, std::move($2), @4.begin); }
  | "(" error ")" { $$ = B.params(@1.begin, {}, @3.begin); }
  ;

param_list:
    param { $$ = {$1}; }
  | param_list "," param { $$ = append(std::move($1), $3); }
  ;

param:
    type { $$ = mp::RawParam{nullptr, $1, @$}; }
  | ident type { $$ = mp::RawParam{$1, $2, @$}; }
  | ident "..." type { $$ = mp::RawParam{$1, B.ellipsis(SourceRange(@2.begin, @3.end), $3), @$}; }
  | "..." type { $$ = mp::RawParam{nullptr, B.ellipsis(@$, $2), @$}; }
  ;

opt_comma:
    %empty
  | ","
  ;

ident:
    Ident { $$ = B.ident($1); }
  ;

ident_list:
    ident { $$ = {$1}; }
  | ident_list "," ident { $$ = append(std::move($1), $3); }
  ;

// ------------------------------------------------------------ types

// type = type_name [type_args] | type_lit | "(" type ")"
type:
    nonparen_type
  | "(" type ")" { $$ = B.paren(@$, $2); }
  ;

nonparen_type:
    tname %prec Shorter
  | tname "[" expr opt_comma "]" { $$ = B.index(@$, $1, {$3}); }
  | tname "[" expr "," expr_list opt_comma "]" { $$ = B.index(@$, $1, prepend($3, std::move($5))); }
  | type_lit
  ;

// A type that does not start with `<-`: the element of `chan`, so that
// `chan <-chan int` is `chan<- (chan int)` as in Go.
type_na:
    tname %prec Shorter
  | tname "[" expr opt_comma "]" { $$ = B.index(@$, $1, {$3}); }
  | type_lit_na
  | "(" type ")" { $$ = B.paren(@$, $2); }
  ;

// type_name = identifier | package_name "." identifier
tname:
    ident %prec Shorter { $$ = $1; }
  | ident "." ident { $$ = B.selector(@$, $1, $3); }
  ;

type_lit:
    type_lit_na
  | "<-" "chan" type { $$ = B.chanType(@$, mp::ChanDir::Recv, $3); }
  ;

type_lit_na:
    "[" expr "]" type { $$ = B.arrayType(@$, $2, $4); }
  | "[" "..." "]" type { $$ = B.arrayType(@$, B.ellipsis(@2, nullptr), $4); }
  | "[" "]" type { $$ = B.sliceType(@$, $3); }
  | "*" type { $$ = B.unary(@$, TK::Mul, $2); }
  | func_type { $$ = $1; }
  | map_type
  | chan_type
  | struct_type
  | interface_type
  ;

// The type literals that may start an operand (a `*T` operand is a unary
// `*`, a func type is a literal's header).
type_lit_operand:
    "[" expr "]" type { $$ = B.arrayType(@$, $2, $4); }
  | "[" "..." "]" type { $$ = B.arrayType(@$, B.ellipsis(@2, nullptr), $4); }
  | "[" "]" type { $$ = B.sliceType(@$, $3); }
  | map_type
  | chan_type
  | struct_type
  | interface_type
  ;

func_type:
    "func" signature { $$ = $2; $$->range = @$; }
  ;

// map_type = "map" "[" type "]" type
map_type:
    "map" "[" type "]" type { $$ = B.mapType(@$, $3, $5); }
  ;

// channel_type = ("chan" | "chan" "<-" | "<-" "chan") element_type
chan_type:
    "chan" type_na { $$ = B.chanType(@$, mp::ChanDir::Both, $2); }
  | "chan" "<-" type { $$ = B.chanType(@$, mp::ChanDir::Send, $3); }
  ;

// struct_type = "struct" "{" {field_decl ";"} "}"
struct_type:
    "struct" "{" field_decls "}" { $$ = B.structType(@$, @2.begin, std::move($3), @4.begin); }
  ;

field_decls:
    %empty {}
  | field_decl_list { $$ = std::move($1); }
  | field_decl_list ";" { $$ = std::move($1); }
  ;

field_decl_list:
    field_decl { $$ = {$1}; }
  | field_decl_list ";" field_decl { $$ = append(std::move($1), $3); }
  ;

// field_decl = (identifier_list type | embedded_field) [tag]
field_decl:
    ident_list type opt_tag { $$ = B.field(@$, std::move($1), $2, $3); }
  | tname opt_tag { $$ = B.field(@$, {}, $1, $2); }
  | "*" tname opt_tag { $$ = B.field(@$, {}, B.unary(SourceRange(@1.begin, @2.end), TK::Mul, $2), $3); }
  ;

opt_tag:
    %empty { $$ = nullptr; }
  | String { $$ = B.basicLit($1); }
  ;

// interface_type = "interface" "{" {(method_spec | type_elem) ";"} "}"
// (rejected by sema beyond `error`/`any`; parsed for a precise message)
interface_type:
    "interface" "{" iface_elems "}" { $$ = B.interfaceType(@$, @2.begin, std::move($3), @4.begin); }
  ;

iface_elems:
    %empty {}
  | iface_elem_list { $$ = std::move($1); }
  | iface_elem_list ";" { $$ = std::move($1); }
  ;

iface_elem_list:
    iface_elem { $$ = {$1}; }
  | iface_elem_list ";" iface_elem { $$ = append(std::move($1), $3); }
  ;

iface_elem:
    ident signature { $$ = B.field(@$, {$1}, $2, nullptr); }
  | iface_union { $$ = B.field(@$, {}, $1, nullptr); }
  ;

iface_union:
    iface_term
  | iface_union "|" iface_term { $$ = B.binary(TK::Or, $1, $3, @2.begin); }
  ;

iface_term:
    type
  | "~" type { $$ = B.unary(@$, TK::Tilde, $2); }
  ;

// ------------------------------------------------------------ expressions

expr_list:
    expr { $$ = {$1}; }
  | expr_list "," expr { $$ = append(std::move($1), $3); }
  ;

expr_list_nb:
    expr_nb { $$ = {$1}; }
  | expr_list_nb "," expr_nb { $$ = append(std::move($1), $3); }
  ;

opt_expr:
    %empty { $$ = nullptr; }
  | expr
  ;

// operand = literal | identifier | "(" expression ")" | function_lit
basic_operand:
    Int { $$ = B.basicLit($1); }
  | Float { $$ = B.basicLit($1); }
  | Imag { $$ = B.basicLit($1); }
  | Rune { $$ = B.basicLit($1); }
  | String { $$ = B.basicLit($1); }
  | ident { $$ = $1; }
  | "(" expr ")" { $$ = B.paren(@$, $2); }
  | "(" func_type ")" { $$ = B.paren(@$, $2); }
  | func_lit
  ;

// function_lit = "func" signature block
func_lit:
    func_type block { $$ = B.funcLit(@$, $1, $2); }
  ;

// literal_value = "{" [element_list [","]] "}"; an element may itself be
// a `{...}` literal whose type is elided.
elems:
    %empty {}
  | elem_list opt_comma { $$ = std::move($1); }
  ;

elem_list:
    elem { $$ = {$1}; }
  | elem_list "," elem { $$ = append(std::move($1), $3); }
  ;

elem:
    elem_value
  | elem_value ":" elem_value { $$ = B.keyValue(@$, $1, $3); }
  ;

elem_value:
    expr
  | "{" elems "}" { $$ = B.compositeLit(@$, nullptr, std::move($2), @1.begin, @3.begin); }
  ;

// expr = unary_expr | expr binary_op expr
expr:
    uexpr
  | expr "||" expr { $$ = B.binary(TK::LOr, $1, $3, @2.begin); }
  | expr "&&" expr { $$ = B.binary(TK::LAnd, $1, $3, @2.begin); }
  | expr "==" expr { $$ = B.binary(TK::Eql, $1, $3, @2.begin); }
  | expr "!=" expr { $$ = B.binary(TK::Neq, $1, $3, @2.begin); }
  | expr "<" expr { $$ = B.binary(TK::Lss, $1, $3, @2.begin); }
  | expr "<=" expr { $$ = B.binary(TK::Leq, $1, $3, @2.begin); }
  | expr ">" expr { $$ = B.binary(TK::Gtr, $1, $3, @2.begin); }
  | expr ">=" expr { $$ = B.binary(TK::Geq, $1, $3, @2.begin); }
  | expr "+" expr { $$ = B.binary(TK::Add, $1, $3, @2.begin); }
  | expr "-" expr { $$ = B.binary(TK::Sub, $1, $3, @2.begin); }
  | expr "|" expr { $$ = B.binary(TK::Or, $1, $3, @2.begin); }
  | expr "^" expr { $$ = B.binary(TK::Xor, $1, $3, @2.begin); }
  | expr "*" expr { $$ = B.binary(TK::Mul, $1, $3, @2.begin); }
  | expr "/" expr { $$ = B.binary(TK::Quo, $1, $3, @2.begin); }
  | expr "%" expr { $$ = B.binary(TK::Rem, $1, $3, @2.begin); }
  | expr "<<" expr { $$ = B.binary(TK::Shl, $1, $3, @2.begin); }
  | expr ">>" expr { $$ = B.binary(TK::Shr, $1, $3, @2.begin); }
  | expr "&" expr { $$ = B.binary(TK::And, $1, $3, @2.begin); }
  | expr "&^" expr { $$ = B.binary(TK::AndNot, $1, $3, @2.begin); }
  ;

// unary_expr = primary_expr | unary_op unary_expr
uexpr:
    pexpr
  | "+" uexpr { $$ = B.unary(@$, TK::Add, $2); }
  | "-" uexpr { $$ = B.unary(@$, TK::Sub, $2); }
  | "!" uexpr { $$ = B.unary(@$, TK::Not, $2); }
  | "^" uexpr { $$ = B.unary(@$, TK::Xor, $2); }
  | "*" uexpr { $$ = B.unary(@$, TK::Mul, $2); }
  | "&" uexpr { $$ = B.unary(@$, TK::And, $2); }
  | "<-" uexpr { $$ = B.unary(@$, TK::Arrow, $2); }
  ;

// primary_expr = operand | primary_expr (selector | index | slice |
//                type_assertion | arguments) | composite_lit
// A syntax error inside an argument list or a literal skips to its closing
// bracket, as Go's parser does, so the next line parses normally.
pexpr:
    operand
  | pexpr "." ident { $$ = B.selector(@$, $1, $3); }
  | pexpr "." "(" type ")" { $$ = B.typeAssert(@$, $1, $4); }
  | pexpr "." "(" "type" ")" { $$ = B.typeAssert(@$, $1, nullptr); }
  | pexpr "[" expr "]" { $$ = B.index(@$, $1, {$3}); }
  | pexpr "[" expr "," expr_list opt_comma "]" { $$ = B.index(@$, $1, prepend($3, std::move($5))); }
  | pexpr "[" opt_expr ":" opt_expr "]" { $$ = B.slice(@$, $1, $3, $5, nullptr, false); }
  | pexpr "[" opt_expr ":" expr ":" expr "]" { $$ = B.slice(@$, $1, $3, $5, $7, true); }
  | pexpr "(" ")" { $$ = B.call(@$, $1, {}, false, @2.begin, @3.begin); }
  | pexpr "(" expr_list opt_comma ")" { $$ = B.call(@$, $1, std::move($3), false, @2.begin, @5.begin); }
  | pexpr "(" expr_list "..." opt_comma ")" { $$ = B.call(@$, $1, std::move($3), true, @2.begin, @6.begin); }
  | pexpr "{" elems "}" { $$ = B.compositeLit(@$, $1, std::move($3), @2.begin, @4.begin); }
  | pexpr "(" error ")" { $$ = B.badExpr(@$); }
  | pexpr "{" error "}" { $$ = B.badExpr(@$); }
  ;

operand:
    basic_operand
  | type_lit_operand
  ;

// expr = unary_expr | expr binary_op expr
// (header variant: see operand_nb)
expr_nb:
    uexpr_nb
  | expr_nb "||" expr_nb { $$ = B.binary(TK::LOr, $1, $3, @2.begin); }
  | expr_nb "&&" expr_nb { $$ = B.binary(TK::LAnd, $1, $3, @2.begin); }
  | expr_nb "==" expr_nb { $$ = B.binary(TK::Eql, $1, $3, @2.begin); }
  | expr_nb "!=" expr_nb { $$ = B.binary(TK::Neq, $1, $3, @2.begin); }
  | expr_nb "<" expr_nb { $$ = B.binary(TK::Lss, $1, $3, @2.begin); }
  | expr_nb "<=" expr_nb { $$ = B.binary(TK::Leq, $1, $3, @2.begin); }
  | expr_nb ">" expr_nb { $$ = B.binary(TK::Gtr, $1, $3, @2.begin); }
  | expr_nb ">=" expr_nb { $$ = B.binary(TK::Geq, $1, $3, @2.begin); }
  | expr_nb "+" expr_nb { $$ = B.binary(TK::Add, $1, $3, @2.begin); }
  | expr_nb "-" expr_nb { $$ = B.binary(TK::Sub, $1, $3, @2.begin); }
  | expr_nb "|" expr_nb { $$ = B.binary(TK::Or, $1, $3, @2.begin); }
  | expr_nb "^" expr_nb { $$ = B.binary(TK::Xor, $1, $3, @2.begin); }
  | expr_nb "*" expr_nb { $$ = B.binary(TK::Mul, $1, $3, @2.begin); }
  | expr_nb "/" expr_nb { $$ = B.binary(TK::Quo, $1, $3, @2.begin); }
  | expr_nb "%" expr_nb { $$ = B.binary(TK::Rem, $1, $3, @2.begin); }
  | expr_nb "<<" expr_nb { $$ = B.binary(TK::Shl, $1, $3, @2.begin); }
  | expr_nb ">>" expr_nb { $$ = B.binary(TK::Shr, $1, $3, @2.begin); }
  | expr_nb "&" expr_nb { $$ = B.binary(TK::And, $1, $3, @2.begin); }
  | expr_nb "&^" expr_nb { $$ = B.binary(TK::AndNot, $1, $3, @2.begin); }
  ;

// unary_expr = primary_expr | unary_op unary_expr
uexpr_nb:
    pexpr_nb
  | "+" uexpr_nb { $$ = B.unary(@$, TK::Add, $2); }
  | "-" uexpr_nb { $$ = B.unary(@$, TK::Sub, $2); }
  | "!" uexpr_nb { $$ = B.unary(@$, TK::Not, $2); }
  | "^" uexpr_nb { $$ = B.unary(@$, TK::Xor, $2); }
  | "*" uexpr_nb { $$ = B.unary(@$, TK::Mul, $2); }
  | "&" uexpr_nb { $$ = B.unary(@$, TK::And, $2); }
  | "<-" uexpr_nb { $$ = B.unary(@$, TK::Arrow, $2); }
  ;

// primary_expr = operand | primary_expr (selector | index | slice |
//                type_assertion | arguments)
pexpr_nb:
    operand_nb
  | pexpr_nb "." ident { $$ = B.selector(@$, $1, $3); }
  | pexpr_nb "." "(" type ")" { $$ = B.typeAssert(@$, $1, $4); }
  | pexpr_nb "." "(" "type" ")" { $$ = B.typeAssert(@$, $1, nullptr); }
  | pexpr_nb "[" expr "]" { $$ = B.index(@$, $1, {$3}); }
  | pexpr_nb "[" expr "," expr_list opt_comma "]" { $$ = B.index(@$, $1, prepend($3, std::move($5))); }
  | pexpr_nb "[" opt_expr ":" opt_expr "]" { $$ = B.slice(@$, $1, $3, $5, nullptr, false); }
  | pexpr_nb "[" opt_expr ":" expr ":" expr "]" { $$ = B.slice(@$, $1, $3, $5, $7, true); }
  | pexpr_nb "(" ")" { $$ = B.call(@$, $1, {}, false, @2.begin, @3.begin); }
  | pexpr_nb "(" expr_list opt_comma ")" { $$ = B.call(@$, $1, std::move($3), false, @2.begin, @5.begin); }
  | pexpr_nb "(" expr_list "..." opt_comma ")" { $$ = B.call(@$, $1, std::move($3), true, @2.begin, @6.begin); }
  | pexpr_nb "(" error ")" { $$ = B.badExpr(@$); }
  ;

// In if/for/switch headers a type literal appears only with its literal
// body or as a conversion, and `Name {` is never a composite literal: the
// `{` starts the statement's block (Go's rule; parenthesize to override).
operand_nb:
    basic_operand
  | type_lit_operand "{" elems "}" { $$ = B.compositeLit(@$, $1, std::move($3), @2.begin, @4.begin); }
  | type_lit_operand "(" expr opt_comma ")" { $$ = B.call(@$, $1, {$3}, false, @2.begin, @5.begin); }
  ;

// ------------------------------------------------------------ statements

block:
    "{" stmt_list "}" { $$ = B.block(@$, std::move($2)); }
  ;

// statement_list = {statement ";"}; empty statements are dropped
stmt_list:
    stmt { if ($1) $$.push_back($1); }
  | stmt_list ";" stmt { $$ = std::move($1); if ($3) $$.push_back($3); }
  ;

stmt:
    %empty { $$ = nullptr; }
  | simple_stmt
  | simple_stmt "where" expr { $$ = B.guarded(@$, $1, $3); }
  | const_decl { $$ = B.declStmt(@$, $1); }
  | var_decl { $$ = B.declStmt(@$, $1); }
  | type_decl { $$ = B.declStmt(@$, $1); }
  | labeled_stmt
  | "go" expr { $$ = B.goStmt(@$, $2); }
  | "defer" expr { $$ = B.deferStmt(@$, $2); }
  | "return" { $$ = B.returnStmt(@$, {}); }
  | "return" expr_list { $$ = B.returnStmt(@$, std::move($2)); }
  | "break" { $$ = B.branch(@$, TK::KwBreak, nullptr); }
  | "break" ident { $$ = B.branch(@$, TK::KwBreak, $2); }
  | "continue" { $$ = B.branch(@$, TK::KwContinue, nullptr); }
  | "continue" ident { $$ = B.branch(@$, TK::KwContinue, $2); }
  | "goto" ident { $$ = B.branch(@$, TK::KwGoto, $2); }
  | "fallthrough" { $$ = B.branch(@$, TK::KwFallthrough, nullptr); }
  | block
  | if_stmt
  | switch_stmt
  | select_stmt
  | for_stmt
  | error { $$ = B.badStmt(@$); }
  ;

// labeled_stmt = label ":" statement
labeled_stmt:
    ident ":" stmt { $$ = B.labeled(@$, $1, $3); }
  ;

// simple_stmt = expression_stmt | send_stmt | inc_dec_stmt | assignment |
//               short_var_decl
simple_stmt:
    expr { $$ = B.exprStmt(@$, $1); }
  | expr "<-" expr { $$ = B.send(@$, $1, $3); }
  | expr "++" { $$ = B.incDec(@$, $1, TK::Inc); }
  | expr "--" { $$ = B.incDec(@$, $1, TK::Dec); }
  | expr_list "=" expr_list { $$ = B.assign(@$, std::move($1), TK::Assign, std::move($3), @2.begin); }
  | expr_list ":=" expr_list { $$ = B.assign(@$, std::move($1), TK::Define, std::move($3), @2.begin); }
  | expr assign_op expr { $$ = B.assign(@$, {$1}, $2, {$3}, @2.begin); }
  ;

simple_stmt_nb:
    expr_nb { $$ = B.exprStmt(@$, $1); }
  | expr_nb "<-" expr_nb { $$ = B.send(@$, $1, $3); }
  | expr_nb "++" { $$ = B.incDec(@$, $1, TK::Inc); }
  | expr_nb "--" { $$ = B.incDec(@$, $1, TK::Dec); }
  | expr_list_nb "=" expr_list_nb { $$ = B.assign(@$, std::move($1), TK::Assign, std::move($3), @2.begin); }
  | expr_list_nb ":=" expr_list_nb { $$ = B.assign(@$, std::move($1), TK::Define, std::move($3), @2.begin); }
  | expr_nb assign_op expr_nb { $$ = B.assign(@$, {$1}, $2, {$3}, @2.begin); }
  ;

opt_simple_nb:
    %empty { $$ = nullptr; }
  | simple_stmt_nb
  ;

assign_op:
    "+=" { $$ = TK::AddAssign; }
  | "-=" { $$ = TK::SubAssign; }
  | "*=" { $$ = TK::MulAssign; }
  | "/=" { $$ = TK::QuoAssign; }
  | "%=" { $$ = TK::RemAssign; }
  | "&=" { $$ = TK::AndAssign; }
  | "|=" { $$ = TK::OrAssign; }
  | "^=" { $$ = TK::XorAssign; }
  | "<<=" { $$ = TK::ShlAssign; }
  | ">>=" { $$ = TK::ShrAssign; }
  | "&^=" { $$ = TK::AndNotAssign; }
  ;

// if_stmt = "if" [simple_stmt ";"] expression block ["else" (if_stmt | block)]
// After a syntax error in a header, skip to the block: its braces stay
// balanced, so the statements after it parse normally (no cascade).
if_stmt:
    "if" if_header block opt_else { $$ = B.ifStmt(@$, $2, $3, $4); }
  | "if" error block opt_else { $$ = B.badStmt(@$); }
  ;

if_header:
    opt_simple_nb { $$.cond = $1; }
  | opt_simple_nb ";" opt_simple_nb {
      $$.init = $1; $$.cond = $3; $$.hasInit = true;
      $$.semi = $2.range.begin; $$.semiNewline = $2.implicit;
    }
  ;

opt_else:
    %empty { $$ = nullptr; }
  | "else" if_stmt { $$ = $2; }
  | "else" block { $$ = $2; }
  ;

// switch_stmt = "switch" [simple_stmt ";"] [expression | type_switch_guard]
//               "{" {case_clause} "}"
switch_stmt:
    "switch" switch_header "{" case_clauses "}" { $$ = B.switchStmt(@$, $2, std::move($4), @3.begin, @5.begin); }
  | "switch" error "{" case_clauses "}" { $$ = B.badStmt(@$); }
  ;

switch_header:
    opt_simple_nb { $$.cond = $1; }
  | opt_simple_nb ";" opt_simple_nb { $$.init = $1; $$.cond = $3; $$.hasInit = true; }
  ;

case_clauses:
    %empty {}
  | case_clauses case_clause { $$ = append(std::move($1), $2); }
  ;

// case_clause = ("case" expression_list | "default") ":" statement_list
case_clause:
    "case" expr_list ":" stmt_list { $$ = B.caseClause(@$, std::move($2), false, std::move($4), @3.begin); }
  | "default" ":" stmt_list { $$ = B.caseClause(@$, {}, true, std::move($3), @2.begin); }
  ;

// select_stmt = "select" "{" {comm_clause} "}"
select_stmt:
    "select" "{" comm_clauses "}" { $$ = B.selectStmt(@$, std::move($3), @2.begin, @4.begin); }
  ;

comm_clauses:
    %empty {}
  | comm_clauses comm_clause { $$ = append(std::move($1), $2); }
  ;

// comm_clause = ("case" (send_stmt | recv_stmt) | "default") ["where" expression]
//               ":" statement_list          (MP: the `where` guard)
comm_clause:
    "case" simple_stmt opt_guard ":" stmt_list { $$ = B.commClause(@$, $2, false, $3, std::move($5), @4.begin); }
  | "default" opt_guard ":" stmt_list { $$ = B.commClause(@$, nullptr, true, $2, std::move($4), @3.begin); }
  ;

opt_guard:
    %empty { $$ = nullptr; }
  | "where" expr { $$ = $2; }
  ;

// for_stmt = "for" [condition | for_clause | range_clause] block
for_stmt:
    "for" for_header block { $$ = B.forStmt(@$, $2, $3); }
  | "for" error block { $$ = B.badStmt(@$); }
  | "for" "range" expr_nb block { $$ = B.rangeStmt(@$, {}, TK::Illegal, $3, $4); }
  | "for" expr_list_nb "=" "range" expr_nb block { $$ = B.rangeStmt(@$, std::move($2), TK::Assign, $5, $6); }
  | "for" expr_list_nb ":=" "range" expr_nb block { $$ = B.rangeStmt(@$, std::move($2), TK::Define, $5, $6); }
  ;

for_header:
    opt_simple_nb { $$.cond = $1; }
  | opt_simple_nb ";" opt_simple_nb ";" opt_simple_nb { $$.init = $1; $$.cond = $3; $$.post = $5; $$.hasInit = true; }
  ;

%%
