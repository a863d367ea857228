package dev.vidgate.character.jdbc;

import dev.vidgate.character.CharacterStore;
import dev.vidgate.character.CharacterStoreContract;
import dev.vidgate.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

class JdbcCharacterStoreOnH2Test extends CharacterStoreContract {
    @Override
    protected DataSource freshDatabase() {
        return TestDatabases.freshH2();
    }

    @Override
    protected CharacterStore storeOn(DataSource database) {
        return new JdbcCharacterStore(new JdbcTemplate(database));
    }
}
