<?xml version="1.0" encoding="UTF-8"?>
<!--
  MathML in the HTML and EPUB editions (included by html.xsl).

  A formula is written as MathML, which browsers and EPUB reading systems lay out
  themselves, restricted to what a page may safely hold: the presentation elements of
  MathML Core and the common ones of MathML 3 with their layout attributes only (no
  href, style, class, id or event handler: a hostile file's MathML is drawn, never run).
  Elements Core dropped are rewritten so they still show: an mfenced group as a row
  between its fences, separated as its @separators says; an maction as its first
  child; semantics as its presentation (annotations, which may hold anything, left out).
  Any other element in a formula gives its text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:m="http://www.w3.org/1998/Math/MathML"
    xmlns:mm="urn:teikit:mathml"
    exclude-result-prefixes="#all">

  <xsl:variable name="mm:elements" as="xs:string+" select="(
      'math', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'mrow', 'mfrac', 'msqrt', 'mroot',
      'mstyle', 'merror', 'mpadded', 'mphantom', 'msub', 'msup', 'msubsup', 'munder', 'mover',
      'munderover', 'mmultiscripts', 'mprescripts', 'none', 'mtable', 'mtr', 'mtd', 'menclose')"/>

  <xsl:variable name="mm:attributes" as="xs:string+" select="(
      'display', 'mathvariant', 'displaystyle', 'scriptlevel', 'mathsize', 'dir',
      'linethickness', 'stretchy', 'symmetric', 'largeop', 'movablelimits', 'accent',
      'accentunder', 'form', 'fence', 'separator', 'lspace', 'rspace', 'minsize', 'maxsize',
      'width', 'height', 'depth', 'voffset', 'columnspan', 'rowspan', 'columnalign',
      'rowalign', 'notation', 'align')"/>

  <xsl:template match="m:math" mode="html">
    <xsl:apply-templates select="." mode="mm:copy"/>
  </xsl:template>

  <xsl:mode name="mm:copy" on-no-match="shallow-skip"/>

  <xsl:template match="m:*[local-name() = $mm:elements]" mode="mm:copy">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1998/Math/MathML">
      <xsl:copy-of select="@*[namespace-uri() = '' and local-name() = $mm:attributes]"/>
      <xsl:apply-templates mode="mm:copy"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="m:mfenced" mode="mm:copy">
    <xsl:variable name="separators" select="replace(if (@separators) then @separators else ',', '\s', '')"/>
    <xsl:variable name="last" select="count(*)"/>
    <mrow xmlns="http://www.w3.org/1998/Math/MathML">
      <mo fence="true"><xsl:value-of select="(@open, '(')[1]"/></mo>
      <xsl:for-each select="*">
        <xsl:apply-templates select="." mode="mm:copy"/>
        <xsl:if test="position() lt $last and $separators">
          <mo separator="true">
            <xsl:value-of select="substring($separators, min((position(), string-length($separators))), 1)"/>
          </mo>
        </xsl:if>
      </xsl:for-each>
      <mo fence="true"><xsl:value-of select="(@close, ')')[1]"/></mo>
    </mrow>
  </xsl:template>

  <xsl:template match="m:semantics | m:maction" mode="mm:copy">
    <xsl:apply-templates select="*[1]" mode="mm:copy"/>
  </xsl:template>

  <xsl:template match="m:annotation | m:annotation-xml" mode="mm:copy"/>

  <!-- Elements of MathML not drawn as themselves: their content, in a row. -->
  <xsl:template match="m:*" mode="mm:copy" priority="-1">
    <mrow xmlns="http://www.w3.org/1998/Math/MathML"><xsl:apply-templates mode="mm:copy"/></mrow>
  </xsl:template>

  <xsl:template match="*[namespace-uri() != 'http://www.w3.org/1998/Math/MathML']" mode="mm:copy">
    <mtext xmlns="http://www.w3.org/1998/Math/MathML"><xsl:value-of select="normalize-space()"/></mtext>
  </xsl:template>

  <xsl:template match="text()" mode="mm:copy">
    <xsl:value-of select="."/>
  </xsl:template>
</xsl:stylesheet>
