<?xml version="1.0" encoding="UTF-8"?>
<!--
  The plain-text edition: one UTF-8 file per page of common.xsl and book.txt for the
  whole collection. Headings numbered and underlined, paragraphs wrapped at $width
  columns (0: one line each) and separated by blank lines, notes as [n] markers listed
  at the end of their page, registers and bibliographies as plain lists.

  Blocks are built as strings: mode txt gives the blocks of an element (each already
  indented and wrapped), mode txt-inline the running text of phrase-level content.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:teix="http://www.tei-c.org/ns/Examples"
    xmlns:tk="urn:teikit:transforms"
    xmlns:t="urn:teikit:text"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:include href="mathtext.xsl"/>

  <xsl:param name="width" as="xs:integer" select="78"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:mode name="txt" on-no-match="shallow-skip"/>
  <xsl:mode name="txt-inline" on-no-match="text-only-copy"/>

  <xsl:variable name="t:nl" select="'&#10;'"/>

  <!-- Rendering a few documents at a time (tk:is-written): where each run writes its part
       of book.txt, which teikit.render puts together. A part is a list of blocks, each a
       line "N LENGTH" then its LENGTH characters: N is the page's place among all the pages
       (0 for the title and contents, which the first run writes). Empty: this run writes
       book.txt. -->
  <xsl:param name="book-part" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:variable name="numbers" as="xs:integer*" select="for $i in 1 to count($tk:pages) return $i[tk:is-written($tk:pages[$i])]"/>
    <xsl:variable name="pages" as="element()*" select="for $i in $numbers return $tk:pages[$i]"/>
    <xsl:variable name="texts" as="xs:string*" select="$pages ! t:page(.)"/>
    <xsl:for-each select="$pages">
      <xsl:variable name="i" select="position()"/>
      <xsl:result-document href="{tk:page-name(.)}.txt">
        <xsl:value-of select="t:lines(($tk:book-title, $tk:book-authors[1]), ''), '', $texts[$i], ''" separator="&#10;"/>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:variable name="title-and-contents" as="xs:string*" select="if ($opening) then (t:title-block(), t:contents()) else ()"/>
    <xsl:choose>
      <xsl:when test="$book-part">
        <xsl:result-document href="{$book-part}">
          <xsl:for-each select="$title-and-contents">
            <xsl:value-of select="'0 ' || string-length(.) || '&#10;' || ."/>
          </xsl:for-each>
          <xsl:for-each select="$texts">
            <xsl:variable name="i" select="position()"/>
            <xsl:value-of select="$numbers[$i] || ' ' || string-length(.) || '&#10;' || ."/>
          </xsl:for-each>
        </xsl:result-document>
      </xsl:when>
      <xsl:otherwise>
        <xsl:result-document href="book.txt">
          <xsl:value-of select="$title-and-contents, $texts" separator="&#10;&#10;&#10;"/>
          <xsl:value-of select="$t:nl"/>
        </xsl:result-document>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="t:lines" as="xs:string">
    <xsl:param name="lines" as="xs:string*"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:sequence select="string-join($lines[normalize-space()] ! ($indent || .), $t:nl)"/>
  </xsl:function>

  <xsl:function name="t:title-block" as="xs:string">
    <xsl:variable name="source" select="$tk:header/tei:fileDesc/tei:sourceDesc"/>
    <xsl:variable name="from-title-page" as="xs:string*">
      <xsl:for-each select="$tk:title-pages">
        <xsl:sequence select="t:blocks(., '')"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="title" select="if (exists($from-title-page)) then $from-title-page
        else ($tk:book-title, $tk:book-subtitles, '', $tk:book-authors)"/>
    <xsl:sequence select="string-join((
        t:lines($title, ''),
        if ($source/tei:msDesc) then ('Source:', $source/* ! t:source-part(.))
        else if ($source) then t:wrap('Source: ' || t:flat($source), '', '        ') else ()),
        $t:nl || $t:nl)"/>
  </xsl:function>

  <!-- The words of an element on one line, punctuation kept to its word. -->
  <xsl:function name="t:flat" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="replace(normalize-space(string-join($e//text(), ' ')), ' ([.,;:])', '$1')"/>
  </xsl:function>

  <xsl:function name="t:source-part" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="parts" as="xs:string*"><xsl:apply-templates select="$e" mode="txt-ms"/></xsl:variable>
    <xsl:sequence select="string-join($parts, $t:nl)"/>
  </xsl:function>

  <!-- ===== manuscript descriptions: the manuscript's name, then a labelled line for each
       part of its description, the parts of a group indented under the group's label. ===== -->

  <xsl:template match="*" mode="txt-ms">
    <xsl:param name="indent" as="xs:string" select="'  '" tunnel="yes"/>
    <xsl:sequence select="t:wrap(t:flat(.), $indent, $indent)"/>
  </xsl:template>

  <xsl:template match="tei:msDesc | tei:msPart | tei:msFrag" mode="txt-ms">
    <xsl:param name="indent" as="xs:string" select="'  '" tunnel="yes"/>
    <xsl:sequence select="$indent || (if (self::tei:msDesc) then '' else tk:ms-label(.) || ': ') || tk:ms-name(.)"/>
    <xsl:apply-templates select="*" mode="txt-ms-field">
      <xsl:with-param name="indent" select="$indent || '  '" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="*" mode="txt-ms-field">
    <xsl:param name="indent" as="xs:string" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="not(normalize-space())"/>
      <xsl:when test="self::tei:msPart or self::tei:msFrag or self::tei:msDesc">
        <xsl:apply-templates select="." mode="txt-ms"/>
      </xsl:when>
      <xsl:when test="self::tei:msIdentifier or self::tei:msContents or self::tei:physDesc or self::tei:history
                      or self::tei:additional or self::tei:msItem or self::tei:msItemStruct or tk:ms-is-group(.)">
        <xsl:sequence select="$indent || tk:ms-label(.) || (if (@n) then ' ' || @n else '') || ':'"/>
        <xsl:apply-templates select="*" mode="txt-ms-field">
          <xsl:with-param name="indent" select="$indent || '  '" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:when test="self::tei:head or local-name() = $tk:ms-blocks">
        <xsl:sequence select="t:wrap(t:flat(.), $indent, $indent || '  ')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="t:wrap(tk:ms-label(.) || ': ' || t:flat(.), $indent, $indent || '  ')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="t:contents" as="xs:string">
    <xsl:sequence select="string-join((t:underline('Contents', '-'), '',
        $tk:pages ! ('  ' || tk:page-title(.))), $t:nl)"/>
  </xsl:function>

  <!-- ===== pages ===== -->

  <xsl:function name="t:page" as="xs:string">
    <xsl:param name="page" as="element()"/>
    <xsl:variable name="number" select="t:page-number($page)"/>
    <xsl:variable name="heading" select="t:heading-text($page, $number, true())"/>
    <xsl:variable name="body" as="xs:string*">
      <xsl:apply-templates select="tk:loose-milestones($page, false()), $page/node() except $page/tei:head[1],
                                   tk:loose-milestones($page, true())" mode="txt">
        <xsl:with-param name="indent" select="''" tunnel="yes"/>
        <xsl:with-param name="number" select="$number" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:variable name="notes" select="tk:attached-notes($page)"/>
    <xsl:sequence select="string-join((
        t:underline($heading, '='),
        $body[normalize-space()],
        if ($notes) then (t:underline('Notes', '-'), $notes ! t:note(.)) else ()), $t:nl || $t:nl)"/>
  </xsl:function>

  <xsl:function name="t:page-number" as="xs:string">
    <xsl:param name="page" as="element()"/>
    <xsl:sequence select="if ($page/@n and matches($page/@n, '^[\dA-Za-z]{1,6}$')) then string($page/@n) else ''"/>
  </xsl:function>

  <!-- A heading with its number, unless it already carries a label (Chapter 4). -->
  <xsl:function name="t:heading-text" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:param name="number" as="xs:string"/>
    <xsl:param name="is-page" as="xs:boolean"/>
    <xsl:variable name="head" select="$div/tei:head[1]"/>
    <xsl:variable name="text" select="if ($head) then t:inline($head) else tk:page-title($div)"/>
    <xsl:sequence select="
        if ($number eq '' or $head/tei:label) then $text
        else if ($is-page) then $number || '. ' || $text
        else $number || ' ' || $text"/>
  </xsl:function>

  <xsl:function name="t:underline" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="char" as="xs:string"/>
    <xsl:variable name="lines" select="tokenize(t:wrap($text, '', ''), $t:nl)"/>
    <xsl:sequence select="string-join($lines, $t:nl) || $t:nl
                          || string-join((1 to max($lines ! string-length(.))) ! $char)"/>
  </xsl:function>

  <xsl:function name="t:note" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="label" select="'[' || tk:note-label($note) || '] '"/>
    <xsl:variable name="hang" select="string-join((1 to string-length($label)) ! ' ')"/>
    <xsl:sequence select="t:hang(t:blocks($note, $hang), $hang, $label)"/>
  </xsl:function>

  <!-- Blocks joined, the first line's indent replaced by a marker. -->
  <xsl:function name="t:hang" as="xs:string">
    <xsl:param name="blocks" as="xs:string*"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="marker" as="xs:string"/>
    <xsl:variable name="joined" select="string-join($blocks, $t:nl || $t:nl)"/>
    <xsl:sequence select="if (starts-with($joined, $indent))
                          then $marker || substring($joined, string-length($indent) + 1)
                          else $marker || $joined"/>
  </xsl:function>

  <!-- ===== wrapping ===== -->

  <!-- Words filled greedily into lines of at most $width characters: the first line
       begins with $first, the others with $indent; a word longer than a line has one to
       itself. Line by line, not word by word: a line is the longest run of words that
       fits, that is the text up to the last space among the characters that fit and the
       one after them. -->
  <xsl:function name="t:wrap" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="first" as="xs:string"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:variable name="words" select="normalize-space($text)"/>
    <xsl:choose>
      <xsl:when test="$width le 0 or string-length($first) + string-length($words) le $width">
        <xsl:sequence select="$first || $words"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="line" select="t:line($words, $width - string-length($first))"/>
        <xsl:sequence select="string-join(($first || $line,
            t:filled(substring($words, string-length($line) + 2), $width - string-length($indent)) ! ($indent || .)), $t:nl)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The lines of words (single-spaced) each at most $room characters long. -->
  <xsl:function name="t:filled" as="xs:string*">
    <xsl:param name="words" as="xs:string"/>
    <xsl:param name="room" as="xs:integer"/>
    <xsl:if test="$words">
      <xsl:variable name="line" select="t:line($words, $room)"/>
      <xsl:sequence select="$line, t:filled(substring($words, string-length($line) + 2), $room)"/>
    </xsl:if>
  </xsl:function>

  <!-- The first line of words (single-spaced) at most $room characters long: the words
       before the last space within $room + 1 characters, else the first word. -->
  <xsl:function name="t:line" as="xs:string">
    <xsl:param name="words" as="xs:string"/>
    <xsl:param name="room" as="xs:integer"/>
    <xsl:variable name="space" select="index-of(string-to-codepoints(substring($words, 1, $room + 1)), 32)[last()]"/>
    <xsl:sequence select="if (string-length($words) le $room) then $words
                          else if (exists($space)) then substring($words, 1, $space - 1)
                          else substring-before($words || ' ', ' ')"/>
  </xsl:function>

  <!-- ===== blocks ===== -->

  <!-- The blocks of mixed content: runs of phrase-level nodes become wrapped paragraphs. -->
  <xsl:function name="t:blocks" as="xs:string*">
    <xsl:param name="parent" as="element()"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:choose>
      <!-- content that is all plain running text (t:is-plain) is one run: none of it is a block -->
      <xsl:when test="every $n in $parent/node() satisfies t:is-plain($n)">
        <xsl:variable name="run" select="normalize-space(t:plain-text($parent/node()))"/>
        <xsl:if test="$run"><xsl:sequence select="t:wrap($run, $indent, $indent)"/></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each-group select="$parent/node()" group-adjacent="tk:is-block(.)">
          <xsl:choose>
            <xsl:when test="current-grouping-key()">
              <xsl:apply-templates select="current-group()" mode="txt">
                <xsl:with-param name="indent" select="$indent" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:when>
            <xsl:otherwise>
              <xsl:variable name="run" select="normalize-space(t:inline-nodes(current-group()))"/>
              <xsl:if test="$run"><xsl:sequence select="t:wrap($run, $indent, $indent)"/></xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="t:inline" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="normalize-space(t:inline-nodes($e/node()))"/>
  </xsl:function>

  <xsl:function name="t:inline-node" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="t:inline-nodes($n)"/>
  </xsl:function>

  <!-- The running text of nodes (mode txt-inline), in one pass over them. -->
  <xsl:function name="t:inline-nodes" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:choose>
      <xsl:when test="every $n in $nodes satisfies t:is-plain($n)">
        <xsl:sequence select="t:plain-text($nodes)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="parts" as="xs:string*"><xsl:apply-templates select="$nodes" mode="txt-inline"/></xsl:variable>
        <xsl:sequence select="string-join($parts)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Plain running text: what mode txt-inline gives as the words of the tree, without a
       template applied to each node (most paragraphs of a book are made of it; the text
       edition of the bundled book took a tenth longer through the templates). A text node
       is plain; so is an annotation's marker (an attached note, "[n]"), and a phrase that
       is only its words (one of $t:plain-names, holding only such phrases) unless its
       parent is a container, where it would be a block (tk:is-block). -->
  <xsl:function name="t:is-plain" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n instance of text()
        or $n instance of element() and not(map:contains($tk:is-container-name, local-name($n/..)))
           and ($n/self::tei:note and tk:is-attached-note($n)
                or map:contains($t:plain-names, local-name($n))
                   and empty($n//*[not(map:contains($t:plain-names, local-name()))]))"/>
  </xsl:function>

  <!-- The phrases mode txt-inline gives as their words alone: those made to sit inside a
       word (tk:is-spaced-before: no space set around them) but for those its templates
       give otherwise (a note's marker, a quotation's marks, [sic], a pointer's target ...),
       and none that is a block wherever it stands. -->
  <xsl:variable name="t:plain-names" as="map(xs:string, xs:boolean)" select="tk:name-set(
      $tk:in-word-names[not(. = ('note', 'lb', 'pb', 'cb', 'milestone', 'anchor', 'gap', 'space', 'q', 'quote',
                                 'said', 'sic', 'supplied', 'del', 'choice', 'app', 'ptr'))]
                       [not(map:contains($tk:is-block-name, .))])"/>

  <!-- The words of plain running text (t:is-plain), as mode txt-inline gives them. -->
  <xsl:function name="t:plain-text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="string-join($nodes ! (if (self::tei:note) then '[' || tk:note-label(.) || ']' else string(.)))"/>
  </xsl:function>

  <xsl:template match="tei:teiHeader" mode="txt txt-inline"/>

  <!-- Every block of a division is rendered under guard, as in html.xsl. -->
  <xsl:template match="*[map:contains($tk:is-guarded-parent, local-name(..))]" mode="txt" priority="10">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:try>
      <xsl:next-match/>
      <xsl:catch xmlns:err="http://www.w3.org/2005/xqt-errors">
        <xsl:message select="tk:failure(., $err:description)"/>
        <xsl:sequence select="t:wrap(normalize-space(), $indent, $indent)"/>
      </xsl:catch>
    </xsl:try>
  </xsl:template>

  <xsl:template match="*" mode="txt" priority="-1">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:sequence select="t:blocks(., $indent)"/>
  </xsl:template>

  <!-- Text where TEI puts none (directly in a division, a stanza, a speech, a figure: older
       and hand-made TEI): a paragraph of its own, never dropped. Whitespace between blocks
       is no text. -->
  <xsl:template match="text()[normalize-space()]" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:sequence select="t:wrap(normalize-space(.), $indent, $indent)"/>
  </xsl:template>

  <xsl:template _match="{$tk:div-pattern} | tei:floatingText | tei:group | tei:text
                        | tei:front | tei:body | tei:back" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <!-- none when reached through a function (a division in a list item): numbered from 1 -->
    <xsl:param name="number" tunnel="yes" as="xs:string" select="''"/>
    <xsl:variable name="position" select="count(preceding-sibling::*[local-name() = $tk:div-names]) + 1"/>
    <xsl:variable name="mine" select="if ($number) then $number || '.' || $position else string($position)"/>
    <xsl:if test="tei:head">
      <xsl:sequence select="t:underline(t:heading-text(., $mine, false()), if (contains($mine, '.')) then '-' else '~')"/>
    </xsl:if>
    <xsl:apply-templates select="node() except tei:head[1]" mode="txt">
      <xsl:with-param name="number" select="$mine" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="tei:head" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:sequence select="t:wrap(t:inline(.), $indent, $indent)"/>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q | tei:said | tei:cit | tei:epigraph | tei:note" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:sequence select="t:blocks(., $indent || '    ')"/>
  </xsl:template>

  <xsl:template match="tei:lg" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:variable name="inner" select="$indent || '    '"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:for-each-group select="* | text()[normalize-space()]" group-adjacent="boolean(self::tei:l)">
        <xsl:choose>
          <xsl:when test="current-grouping-key()">
            <xsl:sequence select="string-join(current-group()[normalize-space(t:inline(.))] ! t:verse(., $inner), $t:nl)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="current-group()" mode="txt">
              <xsl:with-param name="indent" select="$inner" tunnel="yes"/>
            </xsl:apply-templates>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="string-join($parts[normalize-space()], $t:nl || $t:nl)"/>
  </xsl:template>

  <xsl:template match="tei:l" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:sequence select="t:verse(., $indent || '    ')"/>
  </xsl:template>

  <!-- A verse line, its number (@n) in the right margin: at the edge of the page (the
       wrapping width), or two spaces after the verse when it is wider or nothing wraps. -->
  <xsl:function name="t:verse" as="xs:string">
    <xsl:param name="l" as="element()"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:variable name="line" select="$indent || t:inline($l)"/>
    <xsl:variable name="n" select="normalize-space($l/@n)"/>
    <xsl:variable name="gap" select="$width - string-length($line) - string-length($n)"/>
    <xsl:sequence select="if ($n eq '') then $line
                          else $line || string-join((1 to max((2, if ($width gt 0) then $gap else 2))) ! ' ') || $n"/>
  </xsl:function>

  <xsl:template match="tei:sp" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:variable name="speaker" select="string-join(tei:speaker ! t:inline(.), ' ')"/>
    <xsl:variable name="rest" as="xs:string*">
      <xsl:apply-templates select="(* except tei:speaker) | text()[normalize-space()]" mode="txt">
        <xsl:with-param name="indent" select="$indent || '    '" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:sequence select="string-join(($indent || $speaker)[normalize-space()], '') || $t:nl
                          || string-join($rest[normalize-space()], $t:nl)"/>
  </xsl:template>

  <xsl:template match="tei:stage" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:variable name="marks" select="(tk:stage-marks(.), '(', ')')[position() = (1, 2)]"/>
    <xsl:sequence select="t:wrap($marks[1] || t:inline(.) || $marks[2], $indent, $indent)"/>
  </xsl:template>

  <xsl:template match="tei:list" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:variable name="ordered" select="@type = ('ordered', 'numbered') or @rend = ('numbered', 'ordered')"/>
    <xsl:variable name="items" as="xs:string*">
      <xsl:for-each select="tei:item">
        <xsl:variable name="label" select="preceding-sibling::*[1][self::tei:label]"/>
        <xsl:variable name="marker" select="
            if ($label) then t:inline($label) || ' '
            else if ($ordered) then position() || '. ' else '- '"/>
        <xsl:variable name="hang" select="$indent || '  '"/>
        <xsl:sequence select="t:hang(t:blocks(., $hang), $hang, $indent || $marker)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join((tei:head ! t:wrap(t:inline(.), $indent, $indent), $items), $t:nl)"/>
  </xsl:template>

  <xsl:template match="tei:listBibl" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:variable name="hang" select="$indent || '  '"/>
    <xsl:for-each-group select="* | text()[normalize-space()]" group-adjacent="if (self::tei:bibl | self::tei:biblStruct | self::tei:biblFull | self::tei:msDesc)
                                                   then 'entries' else generate-id()">
      <xsl:choose>
        <xsl:when test="current-grouping-key() eq 'entries'">
          <xsl:sequence select="string-join(current-group() ! t:hang(t:blocks(., $hang), $hang, $indent || '- '), $t:nl)"/>
        </xsl:when>
        <xsl:when test="self::tei:head">
          <xsl:sequence select="current-group() ! t:underline(t:inline(.), '.')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="current-group()" mode="txt"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:template>

  <xsl:template match="tei:table" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:sequence select="t:lines((tei:head ! t:inline(.), tei:row ! string-join(tei:cell ! t:inline(.), ' | ')), $indent)"/>
  </xsl:template>

  <!-- An example of encoding: its markup, line for line, indented. -->
  <xsl:template match="teix:egXML" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:sequence select="t:lines(tokenize(tk:example-markup(.), $t:nl), $indent || '    ')"/>
  </xsl:template>

  <!-- In running text or a table's cell: the markup on one line. -->
  <xsl:template match="teix:egXML" mode="txt-inline">
    <xsl:sequence select="' ' || normalize-space(tk:example-markup(.)) || ' '"/>
  </xsl:template>

  <xsl:template match="tei:figure" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:variable name="caption" select="normalize-space(string-join((tei:head, tei:figDesc) ! t:inline(.), ' '))"/>
    <xsl:sequence select="t:wrap('[' || (if ($caption) then $caption else 'Figure') || ']', $indent, $indent || ' ')"/>
    <xsl:apply-templates select="(* except (tei:head, tei:figDesc)) | text()[normalize-space()]" mode="txt"/>
  </xsl:template>

  <xsl:template match="tei:person | tei:place | tei:org | tei:event | tei:personGrp" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:variable name="hang" select="$indent || '  '"/>
    <xsl:variable name="where" select="tk:mention-pages(.) ! (tk:page-title(?page) || ' (' || count(?names) || ')')"/>
    <xsl:variable name="description" select="normalize-space(string-join(tk:entry-details(.) !
        (if (. intersect tk:entry-names(..)) then tk:name-text(.) else t:inline(.)), '; '))"/>
    <xsl:sequence select="t:hang((
        t:wrap(tk:entry-name(.) || (if ($description) then ' — ' || $description else ''), $hang, $hang),
        if (exists($where)) then t:wrap('In the text: ' || string-join($where, '; '), $hang, $hang) else ()),
        $hang, $indent || '- ')"/>
  </xsl:template>

  <xsl:template match="tei:choice | tei:app | tei:subst" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:sequence select="t:wrap(t:inline-node(.), $indent, $indent)"/>
  </xsl:template>

  <xsl:template match="tei:pb | tei:lb | tei:cb | tei:milestone | tei:anchor" mode="txt"/>

  <xsl:template match="tei:note[tk:is-attached-note(.)]" mode="txt"/>

  <!-- ===== phrase level ===== -->

  <xsl:template match="tei:note[tk:is-attached-note(.)]" mode="txt-inline">
    <xsl:sequence select="'[' || tk:note-label(.) || ']'"/>
  </xsl:template>

  <!-- Phrases that are only their words, named so that they are matched without testing
       the block rule below (a book has thousands of names and dates). -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:date
                       | tei:time | tei:num | tei:term" mode="txt-inline">
    <xsl:apply-templates mode="txt-inline"/>
  </xsl:template>

  <!-- A stage direction in a speech is set apart from the words spoken: in the brackets it
       was printed in, or in parentheses unless its text brings its own. -->
  <xsl:template match="tei:stage[not(tk:is-block(.))]" mode="txt-inline">
    <xsl:variable name="text" select="t:inline(.)"/>
    <xsl:variable name="marks" select="if (@rend) then tk:stage-marks(.)
                                       else if (matches($text, '^[(\[]')) then () else ('(', ')')"/>
    <xsl:sequence select="string($marks[1]) || $text || string($marks[2])"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="txt-inline">
    <xsl:sequence select="if (@break = 'no') then '' else ' '"/>
  </xsl:template>

  <xsl:template match="tei:pb | tei:cb | tei:milestone | tei:anchor" mode="txt-inline"/>

  <xsl:template match="tei:space" mode="txt-inline">
    <xsl:sequence select="' '"/>
  </xsl:template>

  <!-- Any other element keeps its words, spaced from what it touches (tk:is-spaced-before). -->
  <xsl:template match="*" mode="txt-inline" priority="-1">
    <xsl:if test="tk:is-spaced-before(.)"><xsl:sequence select="' '"/></xsl:if>
    <xsl:apply-templates mode="txt-inline"/>
    <xsl:if test="tk:is-spaced-after(.)"><xsl:sequence select="' '"/></xsl:if>
  </xsl:template>

  <!-- An address a line each (in a letter's opener or closer). -->
  <xsl:template match="tei:address" mode="txt">
    <xsl:param name="indent" tunnel="yes" as="xs:string"/>
    <xsl:sequence select="t:lines(if (tei:addrLine) then * ! t:inline(.) else t:inline(.), $indent)"/>
  </xsl:template>

  <xsl:template match="tei:gap" mode="txt-inline">
    <xsl:sequence select="'[' || (tk:gap-description(.), '…')[1] || ']'"/>
  </xsl:template>

  <xsl:template match="tei:q | tei:quote[not(tk:is-block(.))] | tei:said" mode="txt-inline">
    <xsl:sequence select="'“' || t:inline(.) || '”'"/>
  </xsl:template>

  <!-- An apparatus entry: the lemma, then in brackets the witnesses of each reading. -->
  <xsl:template match="tei:app" mode="txt-inline">
    <xsl:variable name="shown" select="tk:preferred(.)"/>
    <xsl:variable name="entries" select="($shown[@wit | @source], tk:variants(.)) ! string-join((
        (if (. is $shown and self::tei:lem) then 'lem.' else if (tk:is-omission(.)) then 'om.' else t:inline(.)),
        (@wit | @source)[1] ! tk:sigla(..)), ' ')"/>
    <xsl:sequence select="string-join((
        $shown ! t:inline-node(.),
        if (exists($entries)) then ' [' || string-join($entries, '; ') || ']' else (),
        (* except (tei:lem, tei:rdg, tei:rdgGrp)) ! t:inline-node(.)))"/>
  </xsl:template>

  <xsl:template match="tei:choice" mode="txt-inline">
    <xsl:variable name="shown" select="tk:preferred(.)"/>
    <xsl:sequence select="string-join((
        $shown ! t:inline-node(.),
        (tei:note | tei:witDetail) ! t:inline-node(.),
        (* except ($shown, tei:note, tei:witDetail)) ! (' [' || local-name(.)
            || (if (@wit) then ' ' || @wit else '') || ': ' || t:inline(.) || ']')))"/>
  </xsl:template>

  <xsl:template match="tei:sic[not(parent::tei:choice)]" mode="txt-inline">
    <xsl:sequence select="t:inline(.) || ' [sic]'"/>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="txt-inline">
    <xsl:sequence select="'[' || t:inline(.) || ']'"/>
  </xsl:template>

  <xsl:template match="tei:del" mode="txt-inline">
    <xsl:sequence select="'[deleted: ' || t:inline(.) || ']'"/>
  </xsl:template>

  <xsl:template match="tei:ptr" mode="txt-inline">
    <xsl:sequence select="string(@target)"/>
  </xsl:template>

  <!-- Blocks met inside running text (a list in a note, a table in a paragraph) keep their words. -->
  <xsl:template match="*[tk:is-block(.)]" mode="txt-inline" priority="-0.5">
    <xsl:sequence select="' ' || t:inline(.) || ' '"/>
  </xsl:template>
</xsl:stylesheet>
