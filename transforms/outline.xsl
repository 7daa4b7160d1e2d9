<?xml version="1.0" encoding="UTF-8"?>
<!--
  The outline of one document of a collection, for rendering the collection a few
  documents at a time (teikit.render.windows): what the pages of the other documents
  need to know of it, in a fraction of its size.

  Every element is kept with its attributes (the shape of the collection decides which
  elements are pages, what a pointer leads to and where a name is mentioned), and gets
  rm:nid, the number the element would have in the tree of the whole collection ($base
  is that of the document's root, teikit.render counts it), which tk:node-id reads.
  Words are dropped, except where a page of another document shows or quotes them:
  headers (titles, the opening page), heads (page titles, contents), title pages, what
  a group of texts says of itself, milestones, and the labels a witness is cited by.

  The root also gets rm:outline and rm:span, the number of tree nodes the document
  takes in the collection's tree (teikit.render adds it up to give each document its
  $base).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:transforms"
    xmlns:rm="urn:teikit:render"
    exclude-result-prefixes="xs tk">

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes" indent="no"/>

  <xsl:param name="base" as="xs:integer" required="yes"/>

  <!-- Saxon numbers a tree's nodes in document order; generate-id() carries the number. -->
  <xsl:function name="tk:nr" as="xs:integer">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="xs:integer(replace(generate-id($n), '^d\d+[a-z]+', ''))"/>
  </xsl:function>

  <xsl:variable name="root-nr" as="xs:integer" select="tk:nr(/*)"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="*">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="rm:nid" select="$base + tk:nr(.) - $root-nr"/>
      <xsl:if test="not(parent::*)">
        <xsl:attribute name="rm:outline" select="'yes'"/>
        <xsl:attribute name="rm:span" select="tk:nr((//node())[last()]) - $root-nr + 1"/>
      </xsl:if>
      <xsl:apply-templates select="*"/>
    </xsl:copy>
  </xsl:template>

  <!-- Kept with their words (every node; comments too, which decide what stands next to what). -->
  <xsl:template match="tei:teiHeader | tei:head | tei:titlePage | tei:docTitle | tei:docAuthor | tei:docImprint
                       | tei:docDate | tei:docEdition | tei:byline | tei:group/*[not(self::tei:text or self::tei:group)]
                       | tei:pb | tei:cb | tei:milestone | tei:anchor | *[@xml:id]/(tei:abbr | tei:idno | tei:label)"
                priority="1">
    <xsl:apply-templates select="." mode="whole"/>
  </xsl:template>

  <xsl:template match="*" mode="whole">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="rm:nid" select="$base + tk:nr(.) - $root-nr"/>
      <xsl:apply-templates select="node()" mode="whole"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="text() | comment() | processing-instruction()" mode="whole">
    <xsl:copy-of select="."/>
  </xsl:template>
</xsl:stylesheet>
