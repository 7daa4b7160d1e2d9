<?xml version="1.0" encoding="UTF-8"?>
<!--
  MathML as a line of plain text, for the text edition (included by text.xsl).

  A formula reads as it would be typed: tokens spaced apart, a subscript after "_" and a
  superscript after "^", a fraction as "numerator/denominator", a root with "√", a fenced
  group in its fences (its children separated as @separators says, unless they hold their
  own operators: authors write "(a / b)" as one fenced row), a matrix as "[a, b; c, d]". A part of more than one token is put in
  parentheses, so that "m_e", "β^2" and "(2 m_e)/(1 + γ)" cannot be misread. Invisible
  operators (function application, invisible times), annotations and the other faces of an
  maction are left out; every
  token the reader would see is written. MathML without its namespace is not MathML and
  keeps the default handling of unknown elements.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:m="http://www.w3.org/1998/Math/MathML"
    xmlns:mt="urn:teikit:mathtext"
    exclude-result-prefixes="#all">

  <xsl:template match="m:math" mode="txt-inline">
    <xsl:sequence select="mt:row(*)"/>
  </xsl:template>

  <!-- The children of a row, spaced; no space inside brackets or before a comma, none
       inside a number written digit by digit (<mn>1</mn><mn>5</mn><mo>.</mo><mn>3</mn>). -->
  <xsl:function name="mt:row" as="xs:string">
    <xsl:param name="items" as="element()*"/>
    <xsl:variable name="spaced" select="string-join(for $i in $items return
        (if (mt:is-numeral($i) and mt:is-numeral($i/preceding-sibling::*[1])) then '' else ' ') || mt:linear($i))"/>
    <xsl:sequence select="normalize-space($spaced) => replace(' ([,;:)\]}!′″])', '$1') => replace('([(\[{]) ', '$1')"/>
  </xsl:function>

  <xsl:function name="mt:is-numeral" as="xs:boolean">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="exists($e[self::m:mn]) or exists($e[self::m:mo][normalize-space(.) = '.']
        [preceding-sibling::*[1][self::m:mn]][following-sibling::*[1][self::m:mn]])"/>
  </xsl:function>

  <xsl:function name="mt:linear" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$e" mode="mt:linear"/>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <!-- A script, numerator or root: bare when it is one token (scripted or not), else in
       parentheses. -->
  <xsl:function name="mt:group" as="xs:string">
    <xsl:param name="e" as="element()?"/>
    <xsl:variable name="s" select="if (exists($e)) then mt:linear($e) else ''"/>
    <xsl:sequence select="if ($s = '' or matches($s, '^[^\s()/]+$') or $e[self::m:mfenced])
                          then $s else '(' || $s || ')'"/>
  </xsl:function>

  <!-- A sub- or superscript after its mark; an empty one (a placeholder) not at all. -->
  <xsl:function name="mt:script" as="xs:string">
    <xsl:param name="mark" as="xs:string"/>
    <xsl:param name="e" as="element()?"/>
    <xsl:variable name="s" select="mt:group($e)"/>
    <xsl:sequence select="if ($s = '') then '' else $mark || $s"/>
  </xsl:function>

  <xsl:mode name="mt:linear" on-no-match="shallow-skip"/>

  <xsl:template match="m:mi | m:mn | m:mtext | m:ms" mode="mt:linear">
    <xsl:sequence select="normalize-space(.)"/>
  </xsl:template>

  <xsl:template match="m:mo" mode="mt:linear">
    <xsl:sequence select="normalize-space(translate(., '&#x2061;&#x2062;&#x2063;&#x2064;', ''))"/>
  </xsl:template>

  <xsl:template match="m:mspace | m:mphantom | m:annotation | m:annotation-xml | m:none
                       | m:mprescripts | m:malignmark | m:maligngroup" mode="mt:linear"/>

  <xsl:template match="m:semantics | m:maction" mode="mt:linear">
    <xsl:sequence select="*[1] ! mt:linear(.)"/>
  </xsl:template>

  <xsl:template match="m:msub | m:munder" mode="mt:linear">
    <xsl:sequence select="mt:group(*[1]) || mt:script('_', *[2])"/>
  </xsl:template>

  <xsl:template match="m:msup | m:mover" mode="mt:linear">
    <xsl:sequence select="mt:group(*[1]) || mt:script('^', *[2])"/>
  </xsl:template>

  <xsl:template match="m:msubsup | m:munderover" mode="mt:linear">
    <xsl:sequence select="mt:group(*[1]) || mt:script('_', *[2]) || mt:script('^', *[3])"/>
  </xsl:template>

  <xsl:template match="m:mfrac" mode="mt:linear">
    <xsl:sequence select="mt:group(*[1]) || '/' || mt:group(*[2])"/>
  </xsl:template>

  <xsl:template match="m:msqrt" mode="mt:linear">
    <xsl:variable name="inside" select="mt:row(*)"/>
    <xsl:sequence select="'√' || (if (count(*) = 1) then mt:group(*) else '(' || $inside || ')')"/>
  </xsl:template>

  <xsl:template match="m:mroot" mode="mt:linear">
    <xsl:sequence select="mt:group(*[2]) || '√' || mt:group(*[1])"/>
  </xsl:template>

  <xsl:template match="m:mfenced" mode="mt:linear">
    <xsl:variable name="separator" select="(substring(normalize-space(@separators), 1, 1)[. != ''], ',')[1]"/>
    <xsl:variable name="inside" select="if (m:mo) then mt:row(*) else string-join(* ! mt:linear(.), $separator || ' ')"/>
    <xsl:sequence select="(@open, '(')[1] || $inside || (@close, ')')[1]"/>
  </xsl:template>

  <xsl:template match="m:mtable" mode="mt:linear">
    <xsl:sequence select="'[' || string-join((m:mtr | m:mlabeledtr) ! string-join(m:mtd ! mt:row(*), ', '), '; ') || ']'"/>
  </xsl:template>

  <!-- Rows, styles and anything else: the children in order, spaced. -->
  <xsl:template match="m:*" mode="mt:linear" priority="-1">
    <xsl:sequence select="if (*) then mt:row(*) else normalize-space(.)"/>
  </xsl:template>
</xsl:stylesheet>
