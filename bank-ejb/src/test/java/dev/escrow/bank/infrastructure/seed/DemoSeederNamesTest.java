package dev.escrow.bank.infrastructure.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DemoSeederNamesTest {

  @Test
  void aWomansSurnameTakesTheFeminineEnding() {
    assertEquals("Елена Кузнецова", DemoSeeder.fullName("Елена", "Кузнецов"));
    assertEquals("Наталья Лебедева", DemoSeeder.fullName("Наталья", "Лебедев"));
    assertEquals("Иван Кузнецов", DemoSeeder.fullName("Иван", "Кузнецов"));
  }
}
