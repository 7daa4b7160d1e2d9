<?xml version="1.0" encoding="UTF-8"?>
<!--
  The outline of one document of a collection, for rendering the collection a few
  documents at a time (teikit.render.windows): what the pages of the other documents
  need to know of it, in a fraction of its size.

  Kept, with their attributes: the elements that decide the collection's pages (the
  parts of each text and their children, divisions, registers and their entries), what
  a pointer may lead to (every element with an xml:id), the names that mention a
  register entry of the collection ($entries: the entries' ids), the annotations a
  note's number counts, and the elements that hold any of these. Kept with their words
  too, as another document's pages show them: headers (titles, the opening page), heads
  (page titles, contents), title pages, what a group of texts says of itself, the
  milestones outside every page, and the labels a witness is cited by. Everything else
  (the text itself) is left out.

  Every element kept gets rm:nid, the number it has in the tree of the whole collection
  ($base is that of the document's root, counted by teikit.render), which tk:node-id
  reads. The root also gets rm:outline and rm:span, the number of tree nodes the whole
  document takes (teikit.render adds them up to give each document its $base).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit:transforms"
    xmlns:rm="urn:teikit:render"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="xs tk map">

  <xsl:import href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes" indent="no"/>

  <xsl:param name="base" as="xs:integer" required="yes"/>
  <xsl:param name="entries" as="xs:string" select="''"/>
  <xsl:variable name="entry-ids" as="map(xs:string, xs:boolean)"
      select="map:merge(tokenize($entries) ! map:entry(., true()), map {'duplicates': 'use-first'})"/>

  <!-- Saxon numbers a tree's nodes in document order; generate-id() carries the number
       (the text of an element that holds only text shares the element's, with a suffix). -->
  <xsl:function name="tk:nr" as="xs:integer">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="xs:integer(replace(generate-id($n), '^d\d+[a-z]+(\d+).*$', '$1'))"/>
  </xsl:function>

  <xsl:variable name="root-nr" as="xs:integer" select="tk:nr(/*)"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- The elements kept: those outlined for what they are, and the elements holding them
       (found once, rather than by building the outline of every element to see whether
       it is empty). -->
  <xsl:variable name="kept" as="map(xs:string, xs:boolean)"
      select="map:merge((//*[tk:outlined(.) or tk:whole(.)] ! ancestor-or-self::*) ! map:entry(generate-id(.), true()),
                        map {'duplicates': 'use-first'})"/>

  <xsl:template match="*">
    <xsl:if test="not(parent::*) or map:contains($kept, generate-id(.))">
      <xsl:copy>
        <xsl:copy-of select="@*"/>
        <xsl:attribute name="rm:nid" select="$base + tk:nr(.) - $root-nr"/>
        <xsl:if test="not(parent::*)">
          <xsl:attribute name="rm:outline" select="'yes'"/>
          <xsl:attribute name="rm:span" select="tk:nr((//node())[last()]) - $root-nr + 1"/>
        </xsl:if>
        <xsl:apply-templates select="*"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>

  <!-- An element kept (without its words) for what it is, not for what it holds. -->
  <xsl:function name="tk:outlined" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/@xml:id)
        or local-name($e) = ($tk:div-names, $tk:register-names, 'text', 'group', 'front', 'body', 'back')
        or local-name($e/..) = ('front', 'body', 'back')
        or tk:is-attached-note($e)
        or $e/@ref and local-name($e) = $tk:name-elements
           and (some $f in tokenize(normalize-space($e/@ref), ' ')[contains(., '#')] ! substring-after(., '#')
                satisfies map:contains($entry-ids, $f))"/>
  </xsl:function>

  <!-- Kept with their words (every node; comments too, which decide what stands next to what). -->
  <xsl:function name="tk:whole" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/self::tei:teiHeader
        or $e/self::tei:head and local-name($e/..) = ($tk:div-names, $tk:register-names, 'front', 'body', 'back')
        or local-name($e) = $tk:title-page-names
        or $e/parent::tei:group and not($e/self::tei:text or $e/self::tei:group)
        or local-name($e) = $tk:milestone-names and empty(tk:page-of($e))
        or ($e/self::tei:abbr or $e/self::tei:idno or $e/self::tei:label) and $e/../@xml:id"/>
  </xsl:function>

  <xsl:template match="*[tk:whole(.)]" priority="1">
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
