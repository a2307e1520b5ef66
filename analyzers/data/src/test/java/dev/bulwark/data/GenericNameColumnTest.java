package dev.bulwark.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.spi.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column called just "name" names anything: GDAL's GRIB tables (seen in /usr/share/gdal) were reported as
 * person names. Columns that say person ("first_name", "customer_name") keep the looser value test.
 */
class GenericNameColumnTest {

  @TempDir Path dir;

  private java.util.List<dev.bulwark.model.Finding> scan(String file, String csv) throws Exception {
    Path f = Files.writeString(dir.resolve(file), csv);
    return new dev.bulwark.data.scan.PiiFileAnalyzer().analyze(Fixtures.file(f), Fixtures.context(dir));
  }

  @Test
  void aGenericNameColumnOfThingsIsNotPersons() throws Exception {
    assertThat(scan("grib.csv", """
        center_code,subcenter_code,name
        7,1,"NCEP Re-Analysis Project"
        7,2,"NCEP Ensemble Products"
        7,3,"NCEP Central Operations"
        7,4,"Environmental Modeling Center"
        8,1,Temperature
        8,2,Specific humidity
        """)).noneMatch(f -> f.rule().equals("pii/person"));
  }

  @Test
  void personNamesUnderAGenericNameColumnAreStillFound() throws Exception {
    assertThat(scan("people.csv", """
        id,name
        1,Maria Gonzalez
        2,James O'Neil
        3,Mary-Jane Watson
        4,Robert K. Smith
        """)).anyMatch(f -> f.rule().equals("pii/person"));
  }

  @Test
  void aColumnThatSaysPersonKeepsSingleWordNames() throws Exception {
    assertThat(scan("first.csv", """
        id,first_name
        1,Maria
        2,James
        3,Robert
        4,Linda
        """)).anyMatch(f -> f.rule().equals("pii/person"));
  }

  /** matplotlib's sample data (seen in /usr/share/matplotlib): volumes and percentages are not phone numbers. */
  @Test
  void measurementsAreNotPhoneNumbers() throws Exception {
    assertThat(scan("msft.csv", """
        Date,Open,Volume,Education
        19-Sep-03,29.76,92433800,74.53532758
        18-Sep-03,28.49,67268096,74.14920369
        17-Sep-03,28.76,47221600,73.55451734
        16-Sep-03,28.41,52060600,73.50181414
        """)).noneMatch(f -> f.rule().equals("pii/phone"));
  }

  @Test
  void phonesAreStillFoundWhereTheColumnSaysPhoneOrTheyAreFormatted() throws Exception {
    assertThat(scan("contacts.csv", """
        id,mobile,office
        1,4155552671,+1 (415) 555-2672
        2,2025550143,+1 (202) 555-0144
        3,3125550199,+1 (312) 555-0198
        """)).filteredOn(f -> f.rule().equals("pii/phone")).hasSize(2);
  }
}
