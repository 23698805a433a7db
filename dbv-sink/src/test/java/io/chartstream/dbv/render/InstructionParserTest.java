package io.chartstream.dbv.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstructionParserTest {
  @Test
  void nameAndArguments() {
    assertEquals(new Instruction("AC", List.of("DEPMS")), InstructionParser.parse("AC(DEPMS)").orElseThrow());
    assertEquals(new Instruction("LS", List.of("DASH", "2", "CHGRD")), InstructionParser.parse("LS(DASH,2,CHGRD)").orElseThrow());
  }

  @Test
  void quotesKeepCommasAndAreRemoved() {
    Instruction te = InstructionParser.parse("TE('%s, %s','OBJNAM,INFORM',3,1,2,'15110',1,0,CHBLK,26)").orElseThrow();
    assertEquals("TE", te.name());
    assertEquals("%s, %s", te.args().get(0));
    assertEquals("OBJNAM,INFORM", te.args().get(1));
    assertEquals("15110", te.args().get(5));
    assertEquals(10, te.args().size());
    Instruction tx = InstructionParser.parse("TX(OBJNAM,1,2,2,'15110',0,0,CHBLK,26)").orElseThrow();
    assertEquals("15110", tx.args().get(4));
    assertEquals(26, tx.number(8, 0));
    // Which arguments were quoted: TX('cable',…) writes the text, TX(OBJNAM,…) an attribute's value.
    assertTrue(!tx.quoted(0) && tx.quoted(4) && !tx.quoted(8) && !tx.quoted(99));
    Instruction literal = InstructionParser.parse("TX('cable, overhead',3,2,2,'14108',0,0,CHBLK,11)").orElseThrow();
    assertEquals("cable, overhead", literal.args().getFirst());
    assertTrue(literal.quoted(0) && !literal.quoted(1));
  }

  @Test
  void notAnInstructionIsEmpty() {
    for (String text : new String[] {"", "AC", "AC(DEPMS", "(DEPMS)", "TX('open,1)", null}) {
      assertEquals(Optional.empty(), InstructionParser.parse(text), String.valueOf(text));
    }
    assertEquals(List.of("SY"), InstructionParser.parseAll(List.of("SY(BOYLAT13)", "junk")).stream().map(Instruction::name).toList());
  }

  @Test
  void emptyAndMissingArguments() {
    Instruction sy = InstructionParser.parse("SY()").orElseThrow();
    assertTrue(sy.args().isEmpty());
    assertEquals(Optional.empty(), sy.arg(0));
    assertEquals(7.0, sy.number(3, 7));
    assertEquals(1.0, InstructionParser.parse("LS(SOLD,x,CHBLK)").orElseThrow().number(1, 1));
  }
}
